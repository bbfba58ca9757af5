package org.fundguard.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Receipt codes and secrets for reporters (the GlobaLeaks model: no account). A receipt code carries 80 random bits
 * and a secret 130, from {@link SecureRandom}, in Crockford's base32 (no I, L, O, U: easy to read out over the
 * phone); so neither can be guessed or enumerated. Only the secret's SHA-256 is stored: with 130 random bits a
 * slow hash adds nothing.
 */
public final class Receipts {

    /** The form a receipt code takes, e.g. {@code 7KQ2-M9XD-4RTB-ZP3W}. */
    public static final Pattern RECEIPT = Pattern.compile("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}");
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Compared against when a receipt is unknown, so that both answers take the same time. */
    private static final String DECOY = hash("decoy-" + RANDOM.nextLong());

    private Receipts() {
    }

    public static String newReceiptCode() {
        StringBuilder b = new StringBuilder(19);
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                b.append('-');
            }
            b.append(ALPHABET[RANDOM.nextInt(32)]);
        }
        return b.toString();
    }

    public static String newSecret() {
        StringBuilder b = new StringBuilder(26);
        for (int i = 0; i < 26; i++) {
            b.append(ALPHABET[RANDOM.nextInt(32)]);
        }
        return b.toString();
    }

    /** Upper case, O→0, I/L→1, spaces dropped: what a person typing a code from paper means. */
    public static String normalise(String code) {
        if (code == null) {
            return "";
        }
        return code.trim().toUpperCase().replace('O', '0').replace('I', '1').replace('L', '1').replace(" ", "");
    }

    public static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(normalise(secret).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the secret matches; constant time, and as slow for an unknown receipt ({@code storedHash} null). */
    public static boolean matches(String storedHash, String secret) {
        String expected = storedHash == null ? DECOY : storedHash;
        boolean same = MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                hash(secret == null ? "" : secret).getBytes(StandardCharsets.US_ASCII));
        return storedHash != null && same;
    }
}
