package org.fundguard.qualification.credit.event;

import java.time.OffsetDateTime;
import java.util.List;

/** Payload of {@code credit.agreement-end-flagged.v1}: consecutive poor years flag the institution for ending its agreement. */
public record CreditAgreementEndFlagged(String fixmedinsCode, String fixmedinsName, String region, int year,
                                        List<YearGrade> poorYears, OffsetDateTime flaggedAt) {

    public static final String TYPE = "credit.agreement-end-flagged.v1";

    public record YearGrade(int year, String grade, int score) {
    }
}
