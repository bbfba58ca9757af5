package org.fundguard.report.event;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * Payload of {@code reward.approved.v1}, {@code reward.paid.v1}, {@code reward.waived.v1} and
 * {@code reward.clawed-back.v1}: the amount as an exact decimal string, the policy it came from, and when; for a
 * share of a joint report's reward, the group's first report. No reporter identity.
 */
public record RewardEvent(String reportId, String region, String amount, String policyId, OffsetDateTime at,
                          LocalDate claimDeadline, String jointReportId) {

    public static final String TYPE_APPROVED = "reward.approved.v1";
    public static final String TYPE_PAID = "reward.paid.v1";
    public static final String TYPE_WAIVED = "reward.waived.v1";
    public static final String TYPE_CLAWED_BACK = "reward.clawed-back.v1";
}
