package org.fundguard.monitoring.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.fundguard.monitoring.claim.Claim;
import org.fundguard.monitoring.claim.FeeLine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JsonLinesIngestTest {

    private static final Path SAMPLE = Path.of("src/test/resources/ingest/claims.jsonl");

    private static final List<Claim> claims = new ArrayList<>();
    private static IngestReport report;

    @BeforeAll
    static void ingestSample() throws IOException {
        report = new JsonLinesIngest(IngestOptions.defaults()).ingest(SAMPLE, claims::add);
    }

    private static Claim claim(String mdtrtId) {
        return claims.stream().filter(c -> c.visit().mdtrtId().equals(mdtrtId)).findFirst().orElseThrow();
    }

    @Test
    void keepsTheGoodVisitsInInputOrder() {
        assertThat(claims).extracting(c -> c.visit().mdtrtId()).containsExactly("J001", "J002", "J003", "J004", "J008");
        assertThat(report.complete()).isTrue();
        assertThat(report.rowsRead()).isEqualTo(8); // nine lines, one blank
        assertThat(report.rowsRejected()).isEqualTo(5); // lines 4, 5, 6, 7, 9 wholly or partly
        assertThat(report.rowsInvalidated()).isEqualTo(2);
        assertThat(report.visits()).isEqualTo(5);
        assertThat(report.feeLines()).isEqualTo(7);
        assertThat(report.bytesRead()).isEqualTo(sampleSize());
    }

    @Test
    void completesTheVisitFromBaseinfoAndTheEnvelopeFields() {
        Claim claim = claim("J001");

        assertThat(claim.visit().gend()).isEqualTo("2");
        assertThat(claim.visit().brdy()).isEqualTo(LocalDate.of(1990, 7, 1));
        assertThat(claim.visit().fixmedinsCode()).isEqualTo("H43010000002");
        assertThat(claim.visit().hospLv()).isEqualTo("03");
        assertThat(claim.visit().fixBlngAdmdvs()).isEqualTo("430102");
        assertThat(claim.visit().insuplcAdmdvs()).isEqualTo("430100");
        assertThat(claim.visit().begntime()).isEqualTo(LocalDateTime.of(2024, 3, 2, 8, 15));
        assertThat(claim.visit().endtime()).isNull();
        assertThat(claim.visit().mainDiagnosisCode()).isEqualTo("I10.x00");
        assertThat(claim.visit().diagnoses()).singleElement()
                .satisfies(d -> assertThat(d.diagName()).isEqualTo("原发性高血压"));
    }

    @Test
    void readsAmountsExactlyFromJsonNumbersAndStrings() {
        Claim claim = claim("J001");

        FeeLine consultation = claim.feeLines().get(0);
        assertThat(consultation.pric()).isEqualTo(new BigDecimal("10.0"));
        assertThat(consultation.detItemFeeSumamt()).isEqualTo(new BigDecimal("10.0"));
        FeeLine drug = claim.feeLines().get(1);
        assertThat(drug.cnt()).isEqualTo(new BigDecimal("2.0000"));
        assertThat(drug.pric()).isEqualTo(new BigDecimal("12.600000"));
        assertThat(drug.detItemFeeSumamt()).isEqualTo(new BigDecimal("25.20"));
        assertThat(drug.prdDays()).isEqualTo(new BigDecimal("14"));
        assertThat(drug.hilistCode()).isEqualTo("XC08CAA046A001010100937");
        assertThat(drug.drugTracCodg()).containsExactly("81234560000000000001", "81234560000000000002");
        assertThat(claim.settlements()).singleElement().satisfies(s -> {
            assertThat(s.setlId()).isEqualTo("JS001");
            assertThat(s.medfeeSumamt()).isEqualTo(new BigDecimal("35.20"));
            assertThat(s.psnCashPay()).isEqualTo(new BigDecimal("17.60"));
        });
    }

    @Test
    void keepsARefundLineWithItsNegativeQuantityAndTheLineItRefunds() {
        Claim claim = claim("J002");

        FeeLine refund = claim.feeLines().get(1);
        assertThat(refund.cnt()).isEqualTo(new BigDecimal("-10"));
        assertThat(refund.detItemFeeSumamt()).isEqualTo(new BigDecimal("-5.00"));
        assertThat(refund.initFeedetlSn()).isEqualTo("ZY1");
        assertThat(refund.isRefund()).isTrue();
        assertThat(claim.feeLines().get(0).isRefund()).isFalse();
        assertThat(claim.feeLines().get(0).erFlag()).isEqualTo("1");
        assertThat(claim.visit().diagnoses()).extracting(d -> d.diagCode(), d -> d.isMain())
                .containsExactly(tuple("I63.900", true), tuple("E11.900", false));
    }

    @Test
    void skipsACancelledSettlementAndTheLinesStillPointingAtIt() {
        Claim claim = claim("J003");

        assertThat(claim.settlements()).extracting(s -> s.setlId()).containsExactly("JS003B");
        assertThat(claim.feeLines()).extracting(FeeLine::feedetlSn).containsExactly("1");
    }

    @Test
    void reportsBadValuesByLineAndFieldAndKeepsTheRestOfTheVisit() {
        assertThat(claim("J004").feeLines()).extracting(FeeLine::feedetlSn).containsExactly("1");
        assertThat(report.errors()).extracting(RowError::line, RowError::field, RowError::key).contains(
                tuple(4L, "feedetail[1].pric", "J004/2"),
                tuple(4L, "feedetail[2].fee_ocur_time", "J004/3"));
        assertThat(errorAt(4, "feedetail[1].pric").reason()).contains("12.3.4");
        assertThat(errorAt(4, "feedetail[2].fee_ocur_time").reason()).contains("no such date");
    }

    @Test
    void rejectsALineWithoutItsVisitKeyOrWithBrokenJson() {
        assertThat(errorAt(5, "mdtrtinfo.mdtrt_id").reason()).isEqualTo("required field missing");
        assertThat(errorAt(6, null).reason()).startsWith("malformed JSON");
        assertThat(report.errors()).allSatisfy(e -> assertThat(e.file()).isEqualTo("claims.jsonl"));
    }

    @Test
    void rejectsUnknownDictionaryValues() {
        assertThat(errorAt(7, "mdtrtinfo.gend").reason()).contains("'3'");
        assertThat(errorAt(9, "feedetail[0].list_type").reason()).contains("'999'");
        assertThat(claims).noneMatch(c -> c.visit().mdtrtId().equals("J007"));
    }

    @Test
    void rejectsALineOfAnotherPersonAndNormalisesIntegerCodes() {
        Claim claim = claim("J008");

        assertThat(errorAt(9, "feedetail[2].psn_no").reason()).contains("differs from the visit");
        assertThat(claim.feeLines()).singleElement().satisfies(line -> {
            assertThat(line.medChrgitmType()).isEqualTo("09");
            assertThat(line.drugTracCodg()).containsExactly("81000010000000000011", "81000010000000000012");
        });
        assertThat(claim.visit().fixmedinsCode()).isEqualTo("P43010000003");
    }

    @Test
    void listsEveryErrorWithinTheCap() {
        assertThat(report.errorCount()).isEqualTo(9);
        assertThat(report.errors()).hasSize(9);
        assertThat(report.errorsTruncated()).isFalse();
    }

    @Test
    void countsErrorsBeyondTheCapWithoutListingThem() throws IOException {
        IngestReport capped = new JsonLinesIngest(IngestOptions.defaults().withMaxErrors(2))
                .ingest(SAMPLE, c -> { });

        assertThat(capped.errors()).hasSize(2);
        assertThat(capped.errorCount()).isEqualTo(9);
        assertThat(capped.errorsTruncated()).isTrue();
        assertThat(capped.visits()).isEqualTo(5);
    }

    @Test
    void skipsAByteOrderMarkAndAcceptsCrLf() throws IOException {
        String line = Files.readAllLines(SAMPLE, StandardCharsets.UTF_8).get(0);
        String text = "\uFEFF" + line + "\r\n" + line.replace("J001", "J001B") + "\r\n";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        List<Claim> read = new ArrayList<>();

        IngestReport r = new JsonLinesIngest(IngestOptions.defaults())
                .ingest(new ByteArrayInputStream(bytes), "bom.jsonl", read::add);

        assertThat(r.errors()).isEmpty();
        assertThat(read).extracting(c -> c.visit().mdtrtId()).containsExactly("J001", "J001B");
    }

    @Test
    void reportsProgressPeriodicallyAndOnceMore() throws IOException {
        List<IngestProgress> seen = new ArrayList<>();

        IngestReport r = new JsonLinesIngest(IngestOptions.defaults().withProgress(seen::add, 3))
                .ingest(SAMPLE, c -> { });

        assertThat(seen).extracting(IngestProgress::rowsRead).containsExactly(3L, 6L, 8L);
        assertThat(seen).extracting(IngestProgress::done).containsExactly(false, false, true);
        IngestProgress last = seen.get(seen.size() - 1);
        assertThat(last.rowsRejected()).isEqualTo(r.rowsRejected());
        assertThat(last.bytesRead()).isEqualTo(sampleSize());
        assertThat(last.visits()).isEqualTo(5);
        assertThat(seen.get(0).bytesRead()).isPositive().isLessThan(last.bytesRead());
    }

    @Test
    void canBePulledVisitByVisitWithTheSameOutcome() throws IOException {
        try (ClaimStream stream = new JsonLinesIngest(IngestOptions.defaults())
                .stream(Files.newInputStream(SAMPLE), "claims.jsonl")) {
            assertThat(stream.next().visit().mdtrtId()).isEqualTo("J001");
            assertThat(stream.report().visits()).isEqualTo(1);
            List<String> rest = new ArrayList<>();
            stream.forEachRemaining(c -> rest.add(c.visit().mdtrtId()));

            assertThat(rest).containsExactly("J002", "J003", "J004", "J008");
            assertThat(stream.hasNext()).isFalse();
            assertThat(stream.report()).isEqualTo(report);
        }
    }

    @Test
    void stopsWhenTheConsumerThrows() {
        AtomicLong seen = new AtomicLong();

        assertThatThrownBy(() -> new JsonLinesIngest(IngestOptions.defaults()).ingest(SAMPLE, c -> {
            seen.incrementAndGet();
            throw new IllegalStateException("screening failed");
        })).isInstanceOf(IllegalStateException.class).hasMessage("screening failed");
        assertThat(seen.get()).isEqualTo(1);
    }

    @Test
    void streamsALargeInputHandingVisitsOverWhileReading() throws IOException {
        int visits = 20_000; // 200,000 fee lines, about 80 MB of JSON, generated while it is read
        GeneratedInput in = new GeneratedInput(visits, ClaimGenerator::jsonLine);
        AtomicLong count = new AtomicLong();
        AtomicLong lines = new AtomicLong();
        AtomicLong maxAhead = new AtomicLong();

        IngestReport r = new JsonLinesIngest(IngestOptions.defaults()).ingest(in, "generated.jsonl", claim -> {
            long handed = count.incrementAndGet();
            lines.addAndGet(claim.feeLines().size());
            // how many lines the reader has pulled beyond the visit it just handed over
            maxAhead.accumulateAndGet(in.chunksRead() - handed, Math::max);
        });

        assertThat(r.errorCount()).isZero();
        assertThat(count.get()).isEqualTo(visits);
        assertThat(lines.get()).isEqualTo(200_000);
        assertThat(in.delivered()).isEqualTo(r.bytesRead()).isGreaterThan(50_000_000L);
        // a 1 MiB read buffer holds about 250 lines of ~4 KB: never the whole input
        assertThat(maxAhead.get()).isLessThan(400);
    }

    private static RowError errorAt(long line, String field) {
        return report.errors().stream()
                .filter(e -> e.line() == line && java.util.Objects.equals(e.field(), field))
                .findFirst().orElseThrow(() -> new AssertionError("no error at line " + line + " field " + field
                        + " in " + report.errors()));
    }

    private static long sampleSize() {
        try {
            return Files.size(SAMPLE);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
