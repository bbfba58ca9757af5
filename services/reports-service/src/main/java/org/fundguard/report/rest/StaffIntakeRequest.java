package org.fundguard.report.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.fundguard.report.Channel;

import java.time.LocalDate;

/**
 * A report recorded by staff from a phone call, a letter or a visit; with the reporter's identity when they report by
 * real name (stored encrypted; they get no receipt, so staff tell them of the decision).
 */
public record StaffIntakeRequest(
        @NotNull Channel channel,
        @NotNull @Pattern(regexp = "[0-9]{6}", message = "must be a 6-digit administrative code") String region,
        @Valid InstitutionRef institution,
        @NotBlank @Size(max = 4000) String conduct,
        @PastOrPresent LocalDate occurredOn,
        @Valid PublicReportRequest.ReporterRequest reporter,
        boolean insider,
        boolean wantsReward) {

    /** The reported institution (定点医药机构). */
    public record InstitutionRef(
            @NotBlank @Pattern(regexp = "[HP][0-9]{11}", message = "must be a 12-character institution code such as H34110200001") String code,
            @NotBlank @Size(max = 200) String name) {
    }
}
