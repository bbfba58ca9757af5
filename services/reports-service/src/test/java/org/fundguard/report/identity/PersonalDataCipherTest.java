package org.fundguard.report.identity;

import org.fundguard.report.identity.PersonalDataCipher.DecryptionException;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonalDataCipherTest {

    // test keys only: fixed byte patterns, never used outside this test
    private static final String KEY_2025 = key(0x11, 32);
    private static final String KEY_2026 = key(0x22, 32);
    private static final String INDEX_KEY = key(0x33, 32);
    private static final String OTHER_INDEX_KEY = key(0x44, 32);
    private static final String SECRET = "34060219900307123X";

    private static String key(int fill, int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (fill + i);
        }
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static PersonalDataCipher cipher2025() {
        return new PersonalDataCipher("k2025", Map.of("k2025", KEY_2025), INDEX_KEY);
    }

    @Test
    void roundTrip() {
        PersonalDataCipher cipher = cipher2025();

        String stored = cipher.encrypt(SECRET, "report-42");

        assertThat(stored).startsWith("v1:k2025:").doesNotContain(SECRET);
        assertThat(cipher.decrypt(stored, "report-42")).isEqualTo(SECRET);
        assertThat(cipher.decrypt(cipher.encrypt("张三 ☎ 13812345678", "r"), "r")).isEqualTo("张三 ☎ 13812345678");
        assertThat(cipher.decrypt(cipher.encrypt("", "r"), "r")).isEmpty();
    }

    @Test
    void twoEncryptionsOfTheSameValueDiffer() {
        PersonalDataCipher cipher = cipher2025();

        assertThat(cipher.encrypt(SECRET, "report-42")).isNotEqualTo(cipher.encrypt(SECRET, "report-42"));
    }

    @Test
    void tamperedCiphertextIsRefusedWithoutRevealingThePlaintext() {
        PersonalDataCipher cipher = cipher2025();
        String stored = cipher.encrypt(SECRET, "report-42");
        String body = stored.substring("v1:k2025:".length());
        byte[] bytes = Base64.getDecoder().decode(body);
        bytes[bytes.length / 2] ^= 0x01;
        String tampered = "v1:k2025:" + Base64.getEncoder().encodeToString(bytes);

        assertThatThrownBy(() -> cipher.decrypt(tampered, "report-42"))
                .isInstanceOf(DecryptionException.class)
                .hasMessageContaining("failed authentication")
                .hasMessageNotContaining(SECRET)
                .hasNoCause();
    }

    @Test
    void ciphertextCopiedToAnotherRecordDoesNotDecrypt() {
        PersonalDataCipher cipher = cipher2025();
        String stored = cipher.encrypt(SECRET, "report-42");

        assertThatThrownBy(() -> cipher.decrypt(stored, "report-43"))
                .isInstanceOf(DecryptionException.class)
                .hasMessageContaining("wrong context")
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void unknownKeyIdIsNamedInTheError() {
        PersonalDataCipher cipher = cipher2025();
        String stored = cipher.encrypt(SECRET, "report-42").replace("v1:k2025:", "v1:k1999:");

        assertThatThrownBy(() -> cipher.decrypt(stored, "report-42"))
                .isInstanceOf(DecryptionException.class)
                .hasMessage("ciphertext names an unknown key id 'k1999'");
    }

    @Test
    void relabellingACiphertextWithAnotherKnownKeyIdFails() {
        PersonalDataCipher both = new PersonalDataCipher("k2026", Map.of("k2025", KEY_2025, "k2026", KEY_2026), INDEX_KEY);
        String stored = both.encrypt(SECRET, "r").replace("v1:k2026:", "v1:k2025:");

        assertThatThrownBy(() -> both.decrypt(stored, "r")).isInstanceOf(DecryptionException.class);
    }

    @Test
    void malformedValuesAreRefused() {
        PersonalDataCipher cipher = cipher2025();

        assertThatThrownBy(() -> cipher.decrypt(SECRET, "r")).isInstanceOf(DecryptionException.class)
                .hasMessageNotContaining(SECRET);
        assertThatThrownBy(() -> cipher.decrypt("v2:k2025:AAAA", "r")).isInstanceOf(DecryptionException.class);
        assertThatThrownBy(() -> cipher.decrypt("v1:k2025:not base64!", "r")).isInstanceOf(DecryptionException.class);
        assertThatThrownBy(() -> cipher.decrypt("v1:k2025:AAAA", "r")).isInstanceOf(DecryptionException.class)
                .hasMessageContaining("too short");
        assertThatThrownBy(() -> cipher.decrypt(null, "r")).isInstanceOf(DecryptionException.class);
    }

    @Test
    void oldValuesStillDecryptAfterANewCurrentKeyIsAdded() {
        String old = cipher2025().encrypt(SECRET, "report-42");

        PersonalDataCipher rotated = new PersonalDataCipher("k2026",
                Map.of("k2025", KEY_2025, "k2026", KEY_2026), INDEX_KEY);

        assertThat(rotated.decrypt(old, "report-42")).isEqualTo(SECRET);
        assertThat(rotated.needsReencryption(old)).isTrue();
        String fresh = rotated.encrypt(SECRET, "report-42");
        assertThat(fresh).startsWith("v1:k2026:");
        assertThat(rotated.needsReencryption(fresh)).isFalse();
        // a node that does not have the new key yet cannot read the new value, and says why
        assertThatThrownBy(() -> cipher2025().decrypt(fresh, "report-42"))
                .isInstanceOf(DecryptionException.class)
                .hasMessageContaining("unknown key id 'k2026'");
    }

    @Test
    void blindIndexIsStableAcrossEncryptionKeysAndDiffersPerIndexKey() {
        PersonalDataCipher cipher = cipher2025();
        PersonalDataCipher rotated = new PersonalDataCipher("k2026", Map.of("k2026", KEY_2026), INDEX_KEY);
        PersonalDataCipher otherIndex = new PersonalDataCipher("k2025", Map.of("k2025", KEY_2025), OTHER_INDEX_KEY);

        String index = cipher.blindIndex(SECRET);

        assertThat(index).isEqualTo(cipher.blindIndex(SECRET)).isEqualTo(rotated.blindIndex(SECRET));
        assertThat(index).matches("[A-Za-z0-9_-]{43}");
        assertThat(otherIndex.blindIndex(SECRET)).isNotEqualTo(index);
        assertThat(cipher.blindIndex("11010519491231002X")).isNotEqualTo(index);
        assertThat(cipher.blindIndex(ResidentId.normalise("34060219900307123x"))).isEqualTo(index);
    }

    @Test
    void rejectsBadKeyConfigurationWithoutEchoingKeyMaterial() {
        String shortKey = key(0x55, 16);
        assertThatThrownBy(() -> new PersonalDataCipher("k", Map.of("k", shortKey), INDEX_KEY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes")
                .hasMessageNotContaining(shortKey);
        assertThatThrownBy(() -> new PersonalDataCipher("k", Map.of("k", "%%%secret%%%"), INDEX_KEY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> new PersonalDataCipher("missing", Map.of("k", KEY_2025), INDEX_KEY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PersonalDataCipher("a:b", Map.of("a:b", KEY_2025), INDEX_KEY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PersonalDataCipher("k", Map.of("k", KEY_2025), KEY_2025))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("differ");
        assertThat(cipher2025().toString()).doesNotContain(KEY_2025);
    }
}
