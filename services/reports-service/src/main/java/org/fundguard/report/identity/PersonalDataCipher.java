package org.fundguard.report.identity;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Encrypts personal data at rest (reporter names, identity numbers, phones) with AES-256-GCM under one of several
 * keys, so keys can rotate, and computes blind indexes for equality lookups without decrypting.
 *
 * <p>Ciphertext format: {@code v1:<keyId>:<base64(nonce(12) | ciphertext | tag(16))>}. The associated data binds
 * the format version, the key id and a caller-supplied context (e.g. the report id), so a value copied into another
 * record does not decrypt. Thread-safe; key material comes from configuration as base64 strings.
 */
public final class PersonalDataCipher {

    private static final String VERSION = "v1";
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final String HMAC = "HmacSHA256";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int AES_256_KEY_BYTES = 32;
    private static final int MIN_INDEX_KEY_BYTES = 32;
    // ':' separates the fields of the ciphertext, so a key id must not contain it
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_.-]{1,32}");

    private final String currentKeyId;
    private final Map<String, SecretKeySpec> keys;
    private final SecretKeySpec indexKey;
    // SecureRandom is thread-safe; Cipher and Mac are not, so they are created per call
    private final SecureRandom random = new SecureRandom();

    /**
     * @param currentKeyId      id of the key used to encrypt; must be one of {@code base64KeysById}
     * @param base64KeysById    every key that may still be needed to decrypt, 32 bytes each, base64
     * @param base64IndexKey    the blind-index HMAC key, at least 32 bytes, base64; separate from the encryption keys
     * @throws IllegalArgumentException if a key is missing, malformed or of the wrong size (the message never
     *                                  contains key material)
     */
    public PersonalDataCipher(String currentKeyId, Map<String, String> base64KeysById, String base64IndexKey) {
        Objects.requireNonNull(base64KeysById, "base64KeysById");
        Map<String, SecretKeySpec> decoded = new HashMap<>();
        for (Map.Entry<String, String> entry : base64KeysById.entrySet()) {
            String id = entry.getKey();
            if (id == null || !KEY_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("key id must match " + KEY_ID.pattern());
            }
            byte[] material = decodeKey(entry.getValue(), "key '" + id + "'");
            if (material.length != AES_256_KEY_BYTES) {
                throw new IllegalArgumentException("key '" + id + "' must be 32 bytes (AES-256), is " + material.length);
            }
            decoded.put(id, new SecretKeySpec(material, "AES"));
        }
        if (currentKeyId == null || !decoded.containsKey(currentKeyId)) {
            throw new IllegalArgumentException("current key id '" + currentKeyId + "' is not among the configured keys");
        }
        byte[] index = decodeKey(base64IndexKey, "blind-index key");
        if (index.length < MIN_INDEX_KEY_BYTES) {
            throw new IllegalArgumentException("blind-index key must be at least 32 bytes, is " + index.length);
        }
        for (SecretKeySpec key : decoded.values()) {
            if (MessageDigest.isEqual(key.getEncoded(), index)) {
                throw new IllegalArgumentException("blind-index key must differ from the encryption keys");
            }
        }
        this.currentKeyId = currentKeyId;
        this.keys = Map.copyOf(decoded);
        this.indexKey = new SecretKeySpec(index, HMAC);
    }

    private static byte[] decodeKey(String base64, String what) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalArgumentException(what + " is missing");
        }
        try {
            return Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            // the decoder's message can quote the offending character; keep key material out of logs
            throw new IllegalArgumentException(what + " is not valid base64");
        }
    }

    /** The id of the key new values are encrypted with. */
    public String currentKeyId() {
        return currentKeyId;
    }

    /**
     * Encrypts {@code plaintext} under the current key with a fresh random nonce; two calls with the same value
     * give different results.
     *
     * @param context what the value belongs to (e.g. the report id); the same context is needed to decrypt
     */
    public String encrypt(String plaintext, String context) {
        Objects.requireNonNull(plaintext, "plaintext");
        Objects.requireNonNull(context, "context");
        byte[] nonce = new byte[NONCE_BYTES];
        // random 96-bit nonces: keep well under 2^32 encryptions per key, which rotation gives for free
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(currentKeyId, context));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
            return VERSION + ":" + currentKeyId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            // no plaintext in the message; the cause is a JCE configuration problem, not the data
            throw new IllegalStateException("AES-GCM encryption is unavailable", e);
        }
    }

    /**
     * Decrypts a value produced by {@link #encrypt} with any configured key.
     *
     * @throws DecryptionException if the value is malformed, names an unknown key, or fails authentication
     *                             (tampered, wrong key or wrong context)
     */
    public String decrypt(String ciphertext, String context) {
        Objects.requireNonNull(context, "context");
        if (ciphertext == null) {
            throw new DecryptionException("ciphertext is missing");
        }
        String[] parts = ciphertext.split(":", -1);
        if (parts.length != 3 || !VERSION.equals(parts[0])) {
            throw new DecryptionException("ciphertext is not in the " + VERSION + " format");
        }
        String keyId = parts[1];
        SecretKeySpec key = keys.get(keyId);
        if (key == null) {
            throw new DecryptionException("ciphertext names an unknown key id"
                    + (KEY_ID.matcher(keyId).matches() ? " '" + keyId + "'" : ""));
        }
        byte[] data;
        try {
            data = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new DecryptionException("ciphertext is not valid base64");
        }
        if (data.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new DecryptionException("ciphertext is too short");
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, data, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData(keyId, context));
            byte[] plain = cipher.doFinal(data, NONCE_BYTES, data.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new DecryptionException("ciphertext failed authentication (tampered, wrong key or wrong context)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption is unavailable", e);
        }
    }

    /** True if {@code ciphertext} was encrypted with an older key and should be re-encrypted during rotation. */
    public boolean needsReencryption(String ciphertext) {
        return ciphertext == null || !ciphertext.startsWith(VERSION + ":" + currentKeyId + ":");
    }

    /**
     * A deterministic keyed hash (HMAC-SHA256, base64url without padding) for equality lookups, e.g. whether this
     * identity number has already reported this matter. Callers normalise first ({@link ResidentId#normalise}).
     * Rotating the index key means recomputing every stored index.
     */
    public String blindIndex(String value) {
        Objects.requireNonNull(value, "value");
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(indexKey);
            byte[] digest = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }

    private static byte[] associatedData(String keyId, String context) {
        // the key id cannot contain ':', so this encoding is unambiguous
        return (VERSION + ":" + keyId + ":" + context).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "PersonalDataCipher[current=" + currentKeyId + ", keys=" + keys.keySet() + "]";
    }

    /** A stored value could not be decrypted; the message never contains plaintext or key material. */
    public static final class DecryptionException extends RuntimeException {
        public DecryptionException(String message) {
            super(message);
        }
    }
}
