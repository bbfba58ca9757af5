package org.fundguard.qualification.credit.event;

import java.time.OffsetDateTime;

/** Payload of {@code credit.graded.v1} (contracts/events/credit-graded.v1.schema.json). */
public record CreditGraded(String fixmedinsCode, String fixmedinsName, String region, int year, String catalogueId,
                           int score, String scoreGrade, String grade, boolean forcedBySeriousDishonesty,
                           int inspectionsPerYear, OffsetDateTime evaluatedAt) {

    public static final String TYPE = "credit.graded.v1";
}
