package org.fundguard.qualification.credit.messaging;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What the credit rating reads of {@code violation.decided.v1} (contracts/events/violation-decided.v1.schema.json):
 * the fields it needs are required, the rest of the event is ignored (tolerant reader).
 */
public record DecisionEvent(@NotBlank String decisionId, @NotNull OffsetDateTime decidedAt, @NotBlank String region,
                            @NotNull @Valid Institution institution, @NotBlank String decisionType, @NotBlank String conduct,
                            List<String> violationTypes, List<@Valid AgreementAction> agreementActions) {

    public static final String TYPE = "violation.decided.v1";

    public record Institution(@NotBlank String code, @NotBlank String name) {
    }

    public record AgreementAction(@NotBlank String action) {
    }
}
