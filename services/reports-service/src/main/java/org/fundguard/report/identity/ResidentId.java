package org.fundguard.report.identity;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Validates the 18-character citizen identity number of GB 11643-1999 (公民身份号码): a 6-digit region code, an
 * 8-digit birth date, a 3-digit sequence number and an ISO 7064 MOD 11-2 check character (0–9 or X).
 */
public final class ResidentId {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";
    private static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);
    // STRICT with 'uuuu' so that 20260230 is rejected instead of being resolved to Feb 28
    private static final DateTimeFormatter BIRTH_DATE = DateTimeFormatter.ofPattern("uuuuMMdd", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    private ResidentId() {
    }

    /** The number as stored and compared: a lowercase check character becomes {@code X}; {@code null} stays null. */
    public static String normalise(String id) {
        return id == null ? null : id.toUpperCase(Locale.ROOT);
    }

    /** The check character for the first 17 digits. */
    public static char checkCharacter(String first17Digits) {
        if (first17Digits == null || first17Digits.length() != 17 || !allDigits(first17Digits)) {
            throw new IllegalArgumentException("expected 17 digits");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17Digits.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    /** True if {@link #validate(String, LocalDate)} finds no problem on {@code today} (the business clock's). */
    public static boolean isValid(String id, LocalDate today) {
        return validate(id, today).isEmpty();
    }

    /**
     * The problems with {@code id}, empty when valid. Messages describe the defect without repeating the number,
     * so they can be logged and returned to a caller.
     */
    public static List<String> validate(String id, LocalDate today) {
        List<String> problems = new ArrayList<>();
        if (id == null || id.isEmpty()) {
            problems.add("identity number is missing");
            return problems;
        }
        if (id.length() != 18) {
            problems.add("identity number must have 18 characters, has " + id.length());
            return problems;
        }
        String normalised = normalise(id);
        String body = normalised.substring(0, 17);
        char check = normalised.charAt(17);
        if (!allDigits(body)) {
            problems.add("the first 17 characters must be digits");
        }
        if (!isDigit(check) && check != 'X') {
            problems.add("the last character must be a digit or X");
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        if (body.startsWith("000000")) {
            problems.add("region code 000000 is not valid");
        }
        String birth = body.substring(6, 14);
        try {
            LocalDate birthDate = LocalDate.parse(birth, BIRTH_DATE);
            if (birthDate.isBefore(EARLIEST_BIRTH_DATE)) {
                problems.add("birth date is before 1900");
            } else if (birthDate.isAfter(today)) {
                problems.add("birth date is in the future");
            }
        } catch (DateTimeException e) {
            problems.add("birth date (characters 7–14) is not a valid date");
        }
        char expected = checkCharacter(body);
        if (check != expected) {
            problems.add("check character does not match the first 17 digits");
        }
        return problems;
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    // Character.isDigit would accept full-width and other Unicode digits
    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
