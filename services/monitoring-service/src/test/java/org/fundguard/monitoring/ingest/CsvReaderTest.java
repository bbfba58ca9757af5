package org.fundguard.monitoring.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    private static CsvReader reader(String text) {
        return CsvReader.utf8(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<List<String>> records(CsvReader csv) throws IOException {
        List<List<String>> records = new ArrayList<>();
        while (csv.next()) {
            records.add(List.of(csv.fields()));
        }
        return records;
    }

    @Test
    void readsQuotedFieldsWithCommasEscapedQuotesAndLineBreaks() throws IOException {
        CsvReader csv = reader("bkkp_sn,hilist_name,memo\n"
                + "F1,\"复方甘草片(\"\"甘草\"\"),100片\",\"第一行\n第二行\"\n"
                + "F2,\"a,b\",\"x\r\ny\"\n");

        assertThat(records(csv)).containsExactly(
                List.of("bkkp_sn", "hilist_name", "memo"),
                List.of("F1", "复方甘草片(\"甘草\"),100片", "第一行\n第二行"),
                List.of("F2", "a,b", "x\r\ny"));
    }

    @Test
    void numbersRecordsByThePhysicalLineTheyStartOn() throws IOException {
        CsvReader csv = reader("h1,h2\n\"a\nb\nc\",1\nnext,2\r\n\r\nlast,3");
        List<Long> lines = new ArrayList<>();
        while (csv.next()) {
            lines.add(csv.line());
        }

        assertThat(lines).containsExactly(1L, 2L, 5L, 7L);
    }

    @Test
    void acceptsCrLfLfAndBareCrLineEndingsAndNoFinalNewline() throws IOException {
        assertThat(records(reader("a,b\r\n1,2\n3,4\r5,6"))).containsExactly(
                List.of("a", "b"), List.of("1", "2"), List.of("3", "4"), List.of("5", "6"));
    }

    @Test
    void keepsEmptyFieldsAndSkipsBlankLines() throws IOException {
        assertThat(records(reader("\n\na,,b\n,,\n\"\",x,\"\"\n\n"))).containsExactly(
                List.of("a", "", "b"), List.of("", "", ""), List.of("", "x", ""));
    }

    @Test
    void stripsAUtf8ByteOrderMarkAtTheStartOnly() throws IOException {
        CsvReader csv = reader("\uFEFFmdtrt_id,psn_no\n\uFEFFM1,P1\n");

        assertThat(records(csv)).containsExactly(List.of("mdtrt_id", "psn_no"), List.of("\uFEFFM1", "P1"));
    }

    @Test
    void stripsAByteOrderMarkThatArrivesOneByteAtATime() throws IOException {
        byte[] bytes = "\uFEFFmdtrt_id\nM1\n".getBytes(StandardCharsets.UTF_8);
        InputStream trickle = new InputStream() {
            private int pos;

            @Override
            public int read() {
                return pos < bytes.length ? bytes[pos++] & 0xFF : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (pos >= bytes.length) {
                    return -1;
                }
                b[off] = bytes[pos++];
                return 1;
            }
        };

        assertThat(records(CsvReader.utf8(trickle))).containsExactly(List.of("mdtrt_id"), List.of("M1"));
    }

    @Test
    void keepsAQuoteInsideAnUnquotedFieldAsText() throws IOException {
        assertThat(records(reader("5\"寸,b\n"))).containsExactly(List.of("5\"寸", "b"));
    }

    @Test
    void flagsTextAfterAClosingQuoteAndGoesOnWithTheNextRecord() throws IOException {
        CsvReader csv = reader("\"abc\"x,2\nok,3\n");

        assertThat(csv.next()).isTrue();
        assertThat(csv.problem()).contains("after the closing quote");
        assertThat(csv.next()).isTrue();
        assertThat(csv.problem()).isNull();
        assertThat(csv.fields()).containsExactly("ok", "3");
    }

    @Test
    void flagsAQuoteThatIsNeverClosed() throws IOException {
        CsvReader csv = reader("a,b\n1,\"never closed\n2,3\n");

        csv.next();
        assertThat(csv.next()).isTrue();
        assertThat(csv.problem()).contains("never closed").contains("line 2");
        assertThat(csv.next()).isFalse();
    }

    @Test
    void flagsBytesThatAreNotUtf8WhenTheFieldIsRead() throws IOException {
        byte[] gbk = "P1,张三\n".getBytes(Charset.forName("GBK"));
        CsvReader csv = CsvReader.utf8(new ByteArrayInputStream(gbk));

        csv.next();
        assertThat(csv.field(0)).isEqualTo("P1");
        assertThat(csv.problem()).isNull();
        csv.field(1);
        assertThat(csv.problem()).contains("not valid UTF-8");
    }

    @Test
    void readsFieldsLongerThanItsBuffer() throws IOException {
        String longText = "门诊,".repeat(50_000);
        CsvReader csv = reader("a,\"" + longText + "\",z\n");

        csv.next();
        assertThat(csv.fieldCount()).isEqualTo(3);
        assertThat(csv.field(1)).isEqualTo(longText);
        assertThat(csv.field(2)).isEqualTo("z");
    }

    @Test
    void trimsPaddingAndReusesTheStringOfARepeatedValue() throws IOException {
        CsvReader csv = reader("M1 ,  01\nM1,01\nM2,   \n");

        csv.next();
        String first = csv.trimmedOrNull(0);
        assertThat(first).isEqualTo("M1");
        assertThat(csv.trimmedOrNull(1)).isEqualTo("01");
        csv.next();
        assertThat(csv.trimmedOrNull(0)).isSameAs(first);
        csv.next();
        assertThat(csv.trimmedOrNull(0)).isEqualTo("M2");
        assertThat(csv.trimmedOrNull(1)).isNull();
        assertThat(csv.trimmedOrNull(7)).isNull();
        assertThat(csv.field(7)).isEmpty();
    }
}
