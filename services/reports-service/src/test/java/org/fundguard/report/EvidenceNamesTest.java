package org.fundguard.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** File names: stored as sent but for path parts and NUL, shown without raw control or bidirectional characters. */
class EvidenceNamesTest {

    @Test
    void aStoredNameKeepsWhatWasSentButPathPartsAndNul() {
        assertThat(Evidence.safeName("C:\\Users\\x\\invoice\u202Efdp.exe")).isEqualTo("invoice\u202Efdp.exe");
        assertThat(Evidence.safeName("../../etc/pa\u0000sswd")).isEqualTo("passwd");
        assertThat(Evidence.safeName("  ")).isEqualTo("evidence");
        // 199 characters and then a character outside the BMP: never cut in half
        String name = "a".repeat(199) + "\uD83D\uDE00" + "b";
        assertThat(Evidence.safeName(name)).hasSize(199);
    }

    @Test
    void aShownNameWritesControlFormatAndSeparatorCharactersOut() {
        assertThat(Evidence.displayName("invoice\u202Efdp.exe")).isEqualTo("invoice[U+202E]fdp.exe");
        assertThat(Evidence.displayName("a\u2066b\u2069\u200Bc\u2028d\u0007e")).isEqualTo("a[U+2066]b[U+2069][U+200B]c[U+2028]d[U+0007]e");
        assertThat(Evidence.displayName("病历 (1).pdf")).isEqualTo("病历 (1).pdf");
    }
}
