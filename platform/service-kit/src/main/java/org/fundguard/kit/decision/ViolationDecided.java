package org.fundguard.kit.decision;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Payload of {@code violation.decided.v1} (contracts/events/violation-decided.v1.schema.json): one schema, two producers
 * (reports-service, source REPORT; monitoring-service, source MONITORING).
 */
public record ViolationDecided(String decisionId, String source, String sourceRef, OffsetDateTime decidedAt, String region,
                               Institution institution, String decisionType, LegalBasis legalBasis, String conduct,
                               List<String> violationTypes, String fundLoss, String fineMultiple, String fineAmount,
                               List<AgreementAction> agreementActions, List<ResponsiblePerson> responsiblePersons,
                               boolean publicOfficialInvolved) {

    /** The event type ({@code ce_type}), the schema's title. */
    public static final String TYPE = "violation.decided.v1";

    public record Institution(String code, String name) {
    }

    /** Optional parts are left out rather than null: the schema's optional fields are strings, not nullable. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LegalBasis(String article, String clause) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AgreementAction(String action, String department, Integer months) {
    }

    public record ResponsiblePerson(String nationalCode, String personType, String responsibilityLevel) {
    }
}
