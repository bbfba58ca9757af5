package org.fundguard.monitoring.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fundguard.monitoring.StoredKnowledgePoint;
import org.fundguard.monitoring.knowledge.KnowledgePoint;
import org.fundguard.monitoring.KnowledgeRows;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One stored version of a knowledge point; {@code params} holds the rule parameters by their import column names. */
public record KnowledgePointView(
        @Schema(required = true, description = "Id of this version.") UUID id,
        @Schema(required = true, examples = "GZ10000301004000") String ruleClass,
        @Schema(required = true, examples = "药品区分性别使用") String ruleName,
        @Schema(required = true, examples = "KP-SEX-0001") String kpId,
        @Schema(required = true) int version,
        @Schema(required = true, description = "Whether this is the latest version of the point.") boolean latest,
        @Schema(required = true, description = "000000 national, PP0000 province, PPCC00/PPCC99 city.", examples = "340000") String scope,
        @Schema(required = true) LocalDate effFrom,
        LocalDate effTo,
        @Schema(required = true) List<String> codes,
        String name,
        String evidence,
        @Schema(required = true) boolean enabled,
        @Schema(description = "sev_deg override (2 or 3 for suspects); absent = the rule class default.") Integer sevDeg,
        @Schema(required = true, description = "Rule parameters by import column (gend, age_min, price_cap …).") Map<String, Object> params,
        @Schema(required = true, description = "The rule-set version this point came with.") int ruleSetVersion,
        @Schema(required = true) OffsetDateTime createdAt,
        @Schema(required = true) String createdBy) {

    static KnowledgePointView of(StoredKnowledgePoint p, KnowledgePoint kp, boolean latest) {
        return new KnowledgePointView(p.id, p.ruleClass, kp.ruleClass().ruleName(), p.kpId, p.version, latest, p.scope,
                p.effFrom, p.effTo, kp.codes(), kp.name(), kp.evidence(), kp.enabled(), kp.sevDeg(), KnowledgeRows.params(kp),
                p.ruleSetVersion, p.createdAt, p.createdBy);
    }
}
