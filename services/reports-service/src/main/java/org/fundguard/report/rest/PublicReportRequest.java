package org.fundguard.report.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * A report from the public: the institution and/or persons reported, the conduct, when and where; the reporter's
 * identity when reporting by real name (absent = anonymous).
 */
public record PublicReportRequest(
        @NotNull @Pattern(regexp = "[0-9]{6}", message = "must be a 6-digit administrative code") String region,
        @Valid StaffIntakeRequest.InstitutionRef institution,
        @Size(max = 1000) String persons,
        @NotBlank @Size(max = 4000) String conduct,
        @PastOrPresent LocalDate occurredOn,
        @Valid ReporterRequest reporter,
        boolean insider,
        boolean wantsReward) {

    /** A real-name reporter (实名举报): identity and a way to reach them. */
    public record ReporterRequest(
            @NotBlank @Size(max = 50) String name,
            @NotBlank @Size(min = 18, max = 18, message = "must have 18 characters") String idNumber,
            @NotBlank @Pattern(regexp = "1[3-9][0-9]{9}", message = "must be an 11-digit mobile number") String phone) {
    }
}
