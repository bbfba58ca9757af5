package org.fundguard.report.reward;

import java.time.LocalDate;

/**
 * A reward policy as configuration: where and from when it applies, where it comes from, and its shape.
 *
 * @param id            stable identifier, unique across all loaded files
 * @param regionPrefix  prefix of the 6-digit region code it applies to: "" everywhere, "44" Guangdong, "4403" Shenzhen …
 * @param effectiveFrom first decision date it applies to
 * @param title         human title
 * @param legalSource   the text(s) the parameters come from
 * @param shape         the calculation and its parameters
 */
public record RewardPolicy(String id, String regionPrefix, LocalDate effectiveFrom, String title, String legalSource,
                           RewardShape shape) {
}
