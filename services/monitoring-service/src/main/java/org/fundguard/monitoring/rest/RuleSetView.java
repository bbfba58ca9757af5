package org.fundguard.monitoring.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The rule set checks use right now. */
public record RuleSetView(
        @Schema(required = true, description = "The knowledge-base change it was compiled from (0 = empty base).") int version,
        @Schema(required = true) int knowledgePoints,
        @Schema(required = true, description = "National codes with at least one check.") int codes,
        @Schema(required = true, description = "Rule classes evaluated (catalogue codes).") List<String> ruleClasses) {
}
