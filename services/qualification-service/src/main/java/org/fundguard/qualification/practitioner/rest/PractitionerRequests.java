package org.fundguard.qualification.practitioner.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.fundguard.qualification.practitioner.PersonType;

import java.time.LocalDate;

/** Bodies of the practitioner API, in the register's field names (so a refusal names the field as written). */
public final class PractitionerRequests {

    static final String CODE = "[A-Za-z0-9_-]{1,30}";
    static final String CODE_MESSAGE = "must be 1 to 30 letters, digits, '-' or '_'";
    static final String TEXT = "[^\\p{Cc}\\p{Cf}]*";
    static final String TEXT_MESSAGE = "must not contain control characters";

    private PractitionerRequests() {
    }

    /** A new file. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "PractitionerCreateRequest")
    public record Create(
            @NotNull @Pattern(regexp = CODE, message = CODE_MESSAGE) String prac_psn_code,
            @NotNull PersonType prac_psn_type,
            @NotBlank @Size(max = 50) @Pattern(regexp = TEXT, message = TEXT_MESSAGE) String psn_name,
            @NotNull @Pattern(regexp = "[0-9]{6}", message = "must be a 6-digit administrative code") String region) {
    }

    /** The type and name; {@code version} as read (or the {@code If-Match} header instead). */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "PractitionerUpdateRequest")
    public record Update(
            @NotNull PersonType prac_psn_type,
            @NotBlank @Size(max = 50) @Pattern(regexp = TEXT, message = TEXT_MESSAGE) String psn_name,
            @PositiveOrZero Integer version) {
    }

    /** An institution where the person starts (or again) to practise; {@code begndate} defaults to today. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "PractitionerInstitutionRequest")
    public record AddInstitution(
            @NotNull @Pattern(regexp = CODE, message = CODE_MESSAGE) String fixmedins_code,
            @Size(max = 200) @Pattern(regexp = TEXT, message = TEXT_MESSAGE) String fixmedins_name,
            @NotNull @Pattern(regexp = "[0-9]{6}", message = "must be a 6-digit administrative code") String admdvs,
            LocalDate begndate,
            LocalDate enddate) {
    }

    /** The last day of practice at the institution. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "PractitionerInstitutionEndRequest")
    public record EndInstitution(@NotNull LocalDate enddate) {
    }
}
