package org.fundguard.monitoring.ingest;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Parsers for the national spec's value types (data-formats §0, §13.2): {@code 数值型 p,s} into {@link BigDecimal}
 * (never through {@code double}), {@code 日期型 yyyy-MM-dd} and {@code 日期时间型 yyyy-MM-dd HH:mm:ss}. Hand-written
 * character checks instead of regular expressions or {@code DateTimeFormatter}, because they run once per field of
 * millions of rows. Failures throw {@link BadValue}, a stackless exception carrying the reason.
 */
final class Values {

    private Values() {
    }

    /** A field value that does not parse; {@link #getMessage()} is the reason shown in the row error. */
    static final class BadValue extends Exception {
        BadValue(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * A plain decimal ({@code -12.30}, {@code 5}, {@code .5}) with at most {@code precision - scale} integer digits and
     * {@code scale} fraction digits; extra fraction digits are accepted only when they are zeros ({@code 1.2300} for
     * scale 2). No exponent, no thousands separators, no spaces.
     */
    static BigDecimal decimal(String s, int precision, int scale) throws BadValue {
        int n = s.length();
        int i = 0;
        boolean negative = false;
        if (n > 0 && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            negative = s.charAt(0) == '-';
            i = 1;
        }
        long unscaled = 0;
        int digitCount = 0;
        int intDigits = 0;
        int fracDigits = 0;
        int significantFrac = 0;
        boolean point = false;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digitCount++;
                unscaled = unscaled * 10 + (c - '0');
                if (point) {
                    fracDigits++;
                    if (c != '0') {
                        significantFrac = fracDigits;
                    }
                } else if (c != '0' || intDigits > 0) {
                    intDigits++;
                }
            } else if (c == '.' && !point) {
                point = true;
            } else {
                throw new BadValue("not a decimal number: '" + abbreviate(s) + "'");
            }
        }
        if (digitCount == 0) {
            throw new BadValue("not a decimal number: '" + abbreviate(s) + "'");
        }
        if (intDigits > precision - scale) {
            throw new BadValue("more than " + (precision - scale) + " integer digits (数值型 " + precision + "," + scale
                    + "): '" + abbreviate(s) + "'");
        }
        if (significantFrac > scale) {
            throw new BadValue("more than " + scale + " decimals (数值型 " + precision + "," + scale + "): '"
                    + abbreviate(s) + "'");
        }
        // up to 18 digits fit a long exactly: the common case skips BigDecimal's string parser
        BigDecimal value = digitCount <= 18 ? BigDecimal.valueOf(negative ? -unscaled : unscaled, fracDigits)
                : new BigDecimal(s);
        return fracDigits > scale ? value.setScale(scale) : value;
    }

    /** {@code yyyy-MM-dd}; also {@code yyyy-MM-dd 00:00:00} as databases export DATE columns. */
    static LocalDate date(String s) throws BadValue {
        int n = s.length();
        if (n == 10) {
            return parseDate(s);
        }
        if (n >= 19) {
            LocalDateTime t = dateTime(s);
            if (t.toLocalTime().toNanoOfDay() == 0) {
                return t.toLocalDate();
            }
        }
        throw new BadValue("not a date yyyy-MM-dd: '" + abbreviate(s) + "'");
    }

    /**
     * {@code yyyy-MM-dd HH:mm:ss}; also a {@code T} separator and a fractional second ({@code .0}, {@code .123}) as
     * database exports write timestamps.
     */
    static LocalDateTime dateTime(String s) throws BadValue {
        int n = s.length();
        if (n < 19 || (s.charAt(10) != ' ' && s.charAt(10) != 'T') || s.charAt(13) != ':' || s.charAt(16) != ':') {
            throw new BadValue("not a date-time yyyy-MM-dd HH:mm:ss: '" + abbreviate(s) + "'");
        }
        int nanos = 0;
        if (n > 19) {
            if (s.charAt(19) != '.' || n == 20 || n > 29) {
                throw new BadValue("not a date-time yyyy-MM-dd HH:mm:ss: '" + abbreviate(s) + "'");
            }
            int scale = 100_000_000;
            for (int i = 20; i < n; i++) {
                nanos += digit(s, i) * scale;
                scale /= 10;
            }
        }
        LocalDate d = parseDate(s);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        try {
            return LocalDateTime.of(d.getYear(), d.getMonthValue(), d.getDayOfMonth(), hour, minute, second, nanos);
        } catch (DateTimeException e) {
            throw new BadValue("no such time: '" + abbreviate(s) + "'");
        }
    }

    private static LocalDate parseDate(String s) throws BadValue {
        if (s.charAt(4) != '-' || s.charAt(7) != '-') {
            throw new BadValue("not a date yyyy-MM-dd: '" + abbreviate(s) + "'");
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            throw new BadValue("no such date: '" + abbreviate(s) + "'");
        }
    }

    private static int digits(String s, int from, int count) throws BadValue {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            v = v * 10 + digit(s, i);
        }
        return v;
    }

    private static int digit(String s, int i) throws BadValue {
        char c = s.charAt(i);
        if (c < '0' || c > '9') {
            throw new BadValue("not a date/time: '" + abbreviate(s) + "'");
        }
        return c - '0';
    }

    /**
     * A two-digit code that a warehouse may store as an integer ({@code 1} for {@code 01}, data-formats §7, §10):
     * left-padded with a zero when it is a single digit.
     */
    static String twoDigitCode(String s) {
        return s.length() == 1 && s.charAt(0) >= '0' && s.charAt(0) <= '9' ? "0" + s : s;
    }

    /** Null for an empty string (after the caller trimmed it), else the string. */
    static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
