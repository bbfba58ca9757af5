package org.fundguard.monitoring.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CodeTableTest {

    @Test
    void findsEveryCodeShapeAndNothingElse() {
        Map<String, Integer> entries = new HashMap<>();
        String[] codes = {
                "XA11DAW036A001010104127", // 23-char drug
                "001216000010100",         // 15-digit service item
                "C1234567890123456789",    // 20-char consumable
                "A", "AB", "0123456789", "01234567890", "012345678901234567890123456789", // length edges 1, 10, 11, 30
                "0123456789012345678901234567890",                                           // 31: not packable
                "本院-自编码-01", "X-1", "x1"};                                               // other characters
        for (int i = 0; i < codes.length; i++) {
            entries.put(codes[i], i);
        }
        CodeTable<Integer> table = new CodeTable<>(entries);

        for (int i = 0; i < codes.length; i++) {
            assertThat(table.get(new String(codes[i].toCharArray()))).as(codes[i]).isEqualTo(i);
        }
        assertThat(table.size()).isEqualTo(codes.length);
        for (String absent : new String[] {"XA11DAW036A001010104128", "XA11DAW036A00101010412", "0", "A0", "AB0",
                "X1", "", "本院-自编码-02"}) {
            assertThat(table.get(absent)).as(absent).isNull();
        }
        assertThat(table.get(null)).isNull();
    }

    @Test
    void agreesWithAHashMapOnManyRandomCodes() {
        Random rnd = new Random(7);
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        Map<String, Integer> entries = new HashMap<>();
        for (int i = 0; i < 20_000; i++) {
            entries.put(random(rnd, alphabet, 1 + rnd.nextInt(30)), i);
        }
        CodeTable<Integer> table = new CodeTable<>(entries);

        entries.forEach((code, v) -> assertThat(table.get(code)).isEqualTo(v));
        for (int i = 0; i < 20_000; i++) {
            String probe = random(rnd, alphabet, 1 + rnd.nextInt(30));
            assertThat(table.get(probe)).isEqualTo(entries.get(probe));
        }
    }

    private static String random(Random rnd, String alphabet, int len) {
        StringBuilder sb = new StringBuilder(len);
        for (int i = 0; i < len; i++) {
            sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
