package org.fundguard.qualification.practitioner;

import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The national code formats (docs/domain/data-formats.md §11.3): 医保医师代码 {@code D} + 6-digit 行政区划 + 6-digit
 * 顺序码; 药学/技术人员代码 {@code HY}/{@code HJ} + 12 digits (医保办函〔2022〕39号). Nurses, fee staff and pharmacy heads have no
 * national format that could be confirmed, so a local code is accepted: 1–30 letters, digits, {@code -} or {@code _}.
 * Pure: no Quarkus.
 */
public final class PractitionerCodes {

    public static final Pattern DOCTOR = Pattern.compile("D\\d{12}");
    public static final Pattern PHARMACIST_OR_TECHNICIAN = Pattern.compile("H[YJ]\\d{12}");
    public static final Pattern LOCAL = Pattern.compile("[A-Za-z0-9_-]{1,30}");
    /** An institution code (§11.2: 12 characters nationally, but test and legacy systems send others, so ≤ 30). */
    public static final Pattern INSTITUTION = Pattern.compile("[A-Za-z0-9_-]{1,30}");
    public static final Pattern ADMDVS = Pattern.compile("\\d{6}");

    public static final String ALLOWED_TYPES = Arrays.stream(PersonType.values()).map(Enum::name)
            .collect(Collectors.joining(", "));

    private PractitionerCodes() {
    }

    /** Why {@code code} is not a valid code for a person of {@code type}; null when it is. */
    public static String codeProblem(PersonType type, String code) {
        if (code == null || code.isEmpty()) {
            return "is required";
        }
        switch (type) {
            case DOCTOR:
                return DOCTOR.matcher(code).matches() ? null
                        : "a doctor's code (医保医师代码) is D followed by 12 digits, e.g. D341102000123";
            case PHARMACIST:
            case TECHNICIAN:
                return PHARMACIST_OR_TECHNICIAN.matcher(code).matches() ? null
                        : "a pharmacist's or technician's code is HY or HJ followed by 12 digits, e.g. HY341102000001";
            case NURSE:
            case FEE_REVIEWER:
            case PHARMACY_PRINCIPAL:
                return LOCAL.matcher(code).matches() ? null
                        : "must be 1 to 30 letters, digits, '-' or '_'";
        }
        throw new IllegalStateException("unknown person type " + type);
    }

    /** The person type of a name, or null when it is none of {@link #ALLOWED_TYPES}. */
    public static PersonType type(String name) {
        if (name == null) {
            return null;
        }
        for (PersonType t : PersonType.values()) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        return null;
    }

    /** Why a free text (a name) is not acceptable; null when it is. Control characters (NUL …) are never stored. */
    public static String textProblem(String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            return required ? "is required" : null;
        }
        if (value.codePointCount(0, value.length()) > max) {
            return "must be at most " + max + " characters";
        }
        boolean control = value.codePoints().anyMatch(cp -> Character.getType(cp) == Character.CONTROL
                || Character.getType(cp) == Character.FORMAT || Character.getType(cp) == Character.SURROGATE);
        return control ? "must not contain control characters" : null;
    }
}
