package org.fundguard.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * A request path as it may be written to a log line. A receipt code is half of a reporter's credential, so the
 * segment after {@code receipts} is replaced by {@code ***} — found by parsing the path the way a router would, not by
 * matching its raw text: percent-escapes decoded (also an escaped {@code /}, and escapes of escapes), matrix
 * parameters ({@code ;x=1}) dropped, dot segments ({@code .}, {@code ..}) resolved, and {@code receipts} matched in any
 * case. What is logged is that normalised path, with every character outside a plain set percent-encoded again, so a
 * path can never break a log line either.
 */
public final class LoggedPath {

    /** The segment whose successor is a receipt code (reports-service's {@code /public/reports/v1/receipts/{receiptCode}}). */
    static final String RECEIPTS = "receipts";
    static final String MASK = "***";
    /** Escapes of escapes ({@code %2572}) are decoded this many times at most. */
    private static final int MAX_DECODES = 3;

    private LoggedPath() {
    }

    /** The path to log: normalised, receipt codes masked; "" for none. */
    public static String of(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return "";
        }
        String path = rawPath;
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        for (int i = 0; i < MAX_DECODES && path.indexOf('%') >= 0; i++) {
            path = decode(path);
        }
        Deque<String> segments = new ArrayDeque<>();
        // a backslash counts as a separator too, as some servers and proxies read it
        for (String raw : path.split("[/\\\\]", -1)) {
            int matrix = raw.indexOf(';');
            String segment = matrix >= 0 ? raw.substring(0, matrix) : raw;
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                segments.pollLast();
                continue;
            }
            segments.addLast(segment);
        }
        StringBuilder b = new StringBuilder(rawPath.length() + 4);
        boolean maskNext = false;
        for (String segment : segments) {
            b.append('/');
            if (maskNext) {
                b.append(MASK);
                maskNext = false;
                continue;
            }
            encode(b, segment);
            maskNext = segment.toLowerCase(Locale.ROOT).equals(RECEIPTS);
        }
        if (b.isEmpty() || rawPath.endsWith("/") && !segments.isEmpty()) {
            b.append('/');
        }
        return b.toString();
    }

    /** Percent-decodes as UTF-8; a malformed escape is kept as it is. */
    private static String decode(String s) {
        byte[] out = new byte[s.length() * 3];
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
                out[n++] = (byte) (hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2)));
                i += 2;
            } else {
                byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                System.arraycopy(bytes, 0, out, n, bytes.length);
                n += bytes.length;
            }
        }
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }

    private static void encode(StringBuilder b, String segment) {
        for (byte x : segment.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (x & 0xff);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~!$&'()*+,=:@".indexOf(c) >= 0) {
                b.append(c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit((x >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(x & 0xf, 16)));
            }
        }
    }
}
