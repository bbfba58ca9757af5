package org.fundguard.report;

import org.fundguard.kit.upload.UploadChecker;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Evidence file names: stored as received (without path and NUL), shown only through the kit's one display rule. */
class EvidenceNamesTest {

    @Test
    void theStoredNameKeepsWhatWasSentExceptThePathAndNul() {
        assertThat(Evidence.storedName("C:\\Users\\x\\invoice\u202Efdp.exe")).isEqualTo("invoice\u202Efdp.exe");
        assertThat(Evidence.storedName("../../etc/pa\u0000sswd")).isEqualTo("passwd");
        assertThat(Evidence.storedName("  ")).isEqualTo("file");
        String name = "a".repeat(199) + "\uD83D\uDE00" + "b";
        assertThat(Evidence.storedName(name)).hasSize(201).endsWith("\uD83D\uDE00");
    }

    @Test
    void aStoredNameIsShownWithoutControlOrBidirectionalCharacters() {
        assertThat(UploadChecker.safeName(Evidence.storedName("invoice\u202Efdp.exe"))).isEqualTo("invoicefdp.exe");
        assertThat(UploadChecker.safeName("a\u2066b\u2069\u200Bc\u2028d\u0007e")).isEqualTo("abcde");
        assertThat(UploadChecker.safeName(Evidence.storedName("病历 (1).pdf"))).isEqualTo("病历 (1).pdf");
    }
}
