package org.fundguard.monitoring.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.fundguard.monitoring.claim.Claim;
import org.fundguard.monitoring.claim.FeeLine;
import org.fundguard.monitoring.claim.Settlement;
import org.fundguard.monitoring.ingest.IngestOptions.WarehouseOrder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarehouseCsvIngestTest {

    private static final Path SAMPLE = Path.of("src/test/resources/ingest/warehouse");

    private static final List<Claim> claims = new ArrayList<>();
    private static IngestReport report;

    @BeforeAll
    static void ingestSample() throws IOException {
        report = new WarehouseCsvIngest(IngestOptions.defaults()).ingest(WarehouseFiles.in(SAMPLE), claims::add);
    }

    private static Claim claim(String mdtrtId) {
        return claims.stream().filter(c -> c.visit().mdtrtId().equals(mdtrtId)).findFirst().orElseThrow();
    }

    @Test
    void assemblesTheGoodVisitsOfUnsortedFilesInMdtrtIdOrder() throws IOException {
        assertThat(claims).extracting(c -> c.visit().mdtrtId()).containsExactly("M001", "M002", "M007");
        assertThat(report.complete()).isTrue();
        assertThat(report.rowsRead()).isEqualTo(7 + 8 + 20);
        assertThat(report.rowsRejected()).isEqualTo(15);
        assertThat(report.rowsInvalidated()).isEqualTo(6);
        assertThat(report.feeLines()).isEqualTo(7);
        long size = Files.size(SAMPLE.resolve("mdtrt_d.csv")) + Files.size(SAMPLE.resolve("setl_d.csv"))
                + Files.size(SAMPLE.resolve("fee_list_d.csv"));
        assertThat(report.bytesRead()).isEqualTo(size);
    }

    @Test
    void mapsWarehouseColumnsToTheClaimModel() {
        Claim claim = claim("M001");

        assertThat(claim.visit().psnNo()).isEqualTo("43000020100030375676");
        assertThat(claim.visit().hospLv()).isEqualTo("03");
        assertThat(claim.visit().insuplcAdmdvs()).isEqualTo("430100"); // setl_d.insu_admdvs
        assertThat(claim.visit().fixBlngAdmdvs()).isEqualTo("430102");
        assertThat(claim.feeLines()).extracting(FeeLine::feedetlSn).containsExactly("F1002", "F1001", "F1003", "F1007");
        FeeLine quoted = claim.feeLines().get(2);
        assertThat(quoted.hilistCode()).isEqualTo("ZA01AAG0123010102345"); // from med_list_codg: hilist_code empty
        assertThat(quoted.hilistName()).isEqualTo("复方甘草片(\"甘草\"),100片");
        assertThat(quoted.prdDays()).isEqualTo(new BigDecimal("3.5"));
        assertThat(quoted.bilgDrCodg()).isEqualTo("D430100000002"); // bilg_dr_code
        FeeLine unsettled = claim.feeLines().get(3);
        assertThat(unsettled.setlId()).isNull();
        assertThat(unsettled.medChrgitmType()).isEqualTo("02"); // stored as 2
        assertThat(claim.settlements()).extracting(Settlement::setlId).containsExactly("S001");
        assertThat(claim.settlements().get(0).inscpScpAmt()).isEqualTo(new BigDecimal("12.05")); // inscp_amt
        assertThat(claim.settlements().get(0).psnCashPay()).isEqualTo(new BigDecimal("6.02")); // cash_payamt
    }

    @Test
    void skipsInvalidatedRowsAndTheLinesOfACancelledSettlement() {
        Claim claim = claim("M002");

        assertThat(claim.settlements()).extracting(Settlement::setlId).containsExactly("S002B");
        assertThat(claim.feeLines()).extracting(FeeLine::feedetlSn).containsExactly("F2001");
        assertThat(claim.feeLines().get(0).medChrgitmType()).isEqualTo("01");
        assertThat(claim.visit().mainDiagnosisCode()).isEqualTo("I63.900");
        assertThat(claims).noneMatch(c -> c.visit().mdtrtId().equals("M003"));
        assertThat(report.errors()).noneMatch(e -> Objects.equals(e.key(), "M003"));
    }

    @Test
    void keepsARefundSettlementAndMarksItsLinesAsRefunds() {
        Claim claim = claim("M007");

        Settlement refund = claim.settlements().stream().filter(Settlement::isRefund).findFirst().orElseThrow();
        assertThat(refund.setlId()).isEqualTo("S007R");
        assertThat(refund.medfeeSumamt()).isEqualTo(new BigDecimal("-40.00"));
        assertThat(refund.hifpPay()).isEqualTo(new BigDecimal("-32.00"));
        assertThat(claim.feeLines()).extracting(FeeLine::feedetlSn, FeeLine::refdSetlFlag, FeeLine::isRefund)
                .containsExactly(tuple("F7001", null, false), tuple("F7002", "1", true));
        assertThat(claim.feeLines().get(1).cnt()).isEqualTo(new BigDecimal("-1"));
    }

    @Test
    void reportsBadRowsWithFileLineFieldAndKey() {
        assertThat(report.errors()).extracting(RowError::file, RowError::line, RowError::field, RowError::key)
                .contains(
                        tuple("fee_list_d.csv", 7L, "cnt", "M001/F1004"),
                        tuple("fee_list_d.csv", 10L, "fee_ocur_time", "M002/F2004"),
                        tuple("fee_list_d.csv", 11L, "list_type", "M002/F2005"),
                        tuple("fee_list_d.csv", 12L, "bkkp_sn", "M002"),
                        tuple("fee_list_d.csv", 15L, "det_item_fee_sumamt", "M007/F7003"),
                        tuple("fee_list_d.csv", 18L, "mdtrt_id", null),
                        tuple("fee_list_d.csv", 19L, null, null),
                        tuple("fee_list_d.csv", 20L, null, null),
                        tuple("setl_d.csv", 4L, "medfee_sumamt", "M001/S001B"),
                        tuple("mdtrt_d.csv", 6L, "brdy", "M004"),
                        tuple("mdtrt_d.csv", 7L, "psn_no", "M005"),
                        tuple("mdtrt_d.csv", 8L, "gend", "M006"),
                        tuple("fee_list_d.csv", 17L, "mdtrt_id", "M999"));
        assertThat(report.errorCount()).isEqualTo(14);
        assertThat(error("fee_list_d.csv", 7).reason()).contains("'abc'");
        assertThat(error("fee_list_d.csv", 19).reason()).contains("only 6 fields");
        assertThat(error("setl_d.csv", 4).reason()).contains("1,234.50");
        assertThat(error("fee_list_d.csv", 17).reason()).contains("no valid visit row");
    }

    @Test
    void canBePulledLikeAScreenerSourceThatIsReadTwice() throws IOException {
        WarehouseCsvIngest ingest = new WarehouseCsvIngest(IngestOptions.defaults());
        for (int pass = 0; pass < 2; pass++) {
            try (ClaimStream stream = ingest.stream(WarehouseFiles.in(SAMPLE))) {
                List<Claim> pulled = new ArrayList<>();
                stream.forEachRemaining(pulled::add);

                assertThat(pulled).isEqualTo(claims);
                assertThat(stream.report()).isEqualTo(report);
            }
        }
    }

    @Test
    void sortsOnDiskWithATinyBufferToTheSameResult(@TempDir Path tmp) throws IOException {
        List<Claim> sorted = new ArrayList<>();

        IngestReport r = new WarehouseCsvIngest(IngestOptions.defaults().withWarehouseOrder(WarehouseOrder.SORT)
                .withSortBuffer(600, tmp)).ingest(WarehouseFiles.in(SAMPLE), sorted::add);

        assertThat(sorted).isEqualTo(claims);
        assertThat(r.errors()).containsExactlyInAnyOrderElementsOf(report.errors());
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left).as("sorted runs are deleted").isEmpty();
        }
    }

    @Test
    void stopsWithAFileErrorWhenFilesDeclaredSortedAreNot() throws IOException {
        List<Claim> read = new ArrayList<>();

        IngestReport r = new WarehouseCsvIngest(IngestOptions.defaults().withWarehouseOrder(WarehouseOrder.SORTED))
                .ingest(WarehouseFiles.in(SAMPLE), read::add);

        assertThat(r.complete()).isFalse();
        assertThat(r.fileErrors()).singleElement().satisfies(e -> {
            assertThat(e.file()).isEqualTo("mdtrt_d.csv");
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.reason()).contains("not sorted by mdtrt_id");
        });
    }

    @Test
    void rejectsTheBatchWhenARequiredColumnIsMissing(@TempDir Path dir) throws IOException {
        Files.copy(SAMPLE.resolve("mdtrt_d.csv"), dir.resolve("mdtrt_d.csv"));
        Files.copy(SAMPLE.resolve("setl_d.csv"), dir.resolve("setl_d.csv"));
        Files.writeString(dir.resolve("fee_list_d.csv"), "bkkp_sn,mdtrt_id,fee_ocur_time,pric,det_item_fee_sumamt\n"
                + "F1,M001,2024-03-02 08:20:00,10,10.00\n");
        List<Claim> read = new ArrayList<>();

        IngestReport r = new WarehouseCsvIngest(IngestOptions.defaults()).ingest(WarehouseFiles.in(dir), read::add);

        assertThat(read).isEmpty();
        assertThat(r.rowsRead()).isZero();
        assertThat(r.fileErrors()).singleElement().satisfies(e -> {
            assertThat(e.file()).isEqualTo("fee_list_d.csv");
            assertThat(e.reason()).contains("cnt").contains("hilist_code or med_list_codg");
        });
    }

    @Test
    void rejectsAnEmptyFile(@TempDir Path dir) throws IOException {
        Files.copy(SAMPLE.resolve("mdtrt_d.csv"), dir.resolve("mdtrt_d.csv"));
        Files.writeString(dir.resolve("setl_d.csv"), "");
        Files.copy(SAMPLE.resolve("fee_list_d.csv"), dir.resolve("fee_list_d.csv"));

        IngestReport r = new WarehouseCsvIngest(IngestOptions.defaults()).ingest(WarehouseFiles.in(dir), c -> { });

        assertThat(r.fileErrors()).extracting(FileError::file, FileError::reason)
                .containsExactly(tuple("setl_d.csv", "empty file: no header row"));
    }

    @Test
    void matchesHeaderNamesCaseInsensitivelyAndRejectsAGbkRow(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("mdtrt_d.csv"), "MDTRT_ID,Psn_No,MED_TYPE,BEGNTIME,GEND\n"
                + "M1,P1,11,2024-03-01 09:00:00,1\nM2,P2,11,2024-03-01 09:00:00,1\n");
        Files.writeString(dir.resolve("setl_d.csv"), "SETL_ID,MDTRT_ID,PSN_NO,SETL_TIME,MEDFEE_SUMAMT\n");
        byte[] header = "BKKP_SN,MDTRT_ID,FEE_OCUR_TIME,HILIST_CODE,HILIST_NAME,CNT,PRIC,DET_ITEM_FEE_SUMAMT\n"
                .getBytes(StandardCharsets.UTF_8);
        byte[] good = "F1,M1,2024-03-01 09:10:00,001101000010000,诊察费,1,10,10.00\n".getBytes(StandardCharsets.UTF_8);
        byte[] gbk = "F2,M1,2024-03-01 09:10:00,001101000010000,诊察费,1,10,10.00\n".getBytes(Charset.forName("GBK"));
        Files.write(dir.resolve("fee_list_d.csv"), concat(header, good, gbk));
        List<Claim> read = new ArrayList<>();

        IngestReport r = new WarehouseCsvIngest(IngestOptions.defaults()).ingest(WarehouseFiles.in(dir), read::add);

        assertThat(read).extracting(c -> c.visit().mdtrtId()).containsExactly("M1", "M2");
        assertThat(read.get(0).feeLines()).extracting(FeeLine::feedetlSn, FeeLine::hilistName)
                .containsExactly(tuple("F1", "诊察费"));
        assertThat(r.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.reason()).contains("not valid UTF-8");
        });
    }

    @Test
    void reportsProgressWithBytesRead() throws IOException {
        List<IngestProgress> seen = new ArrayList<>();

        IngestReport r = new WarehouseCsvIngest(IngestOptions.defaults().withProgress(seen::add, 10))
                .ingest(WarehouseFiles.in(SAMPLE), c -> { });

        assertThat(seen).extracting(IngestProgress::rowsRead).containsExactly(10L, 20L, 30L, 35L);
        assertThat(seen.get(seen.size() - 1)).isEqualTo(new IngestProgress(35, 15, r.bytesRead(), 3, true));
    }

    @Test
    void streamsLargeSortedExtractsOneVisitAtATime() throws IOException {
        int visits = 20_000; // 200,000 fee lines, generated while they are read
        List<GeneratedInput> fees = new ArrayList<>();
        WarehouseFiles files = new WarehouseFiles(
                new WarehouseFiles.Source("mdtrt_d", () -> new GeneratedInput(visits + 1,
                        i -> i == 0 ? ClaimGenerator.MDTRT_HEADER : ClaimGenerator.mdtrtRow(i - 1))),
                new WarehouseFiles.Source("setl_d", () -> new GeneratedInput(visits + 1,
                        i -> i == 0 ? ClaimGenerator.SETL_HEADER : ClaimGenerator.setlRow(i - 1))),
                new WarehouseFiles.Source("fee_list_d", () -> {
                    GeneratedInput in = new GeneratedInput(visits + 1,
                            i -> i == 0 ? ClaimGenerator.FEE_HEADER : ClaimGenerator.feeRows(i - 1));
                    fees.add(in);
                    return in;
                }));
        AtomicLong count = new AtomicLong();
        AtomicLong lines = new AtomicLong();
        AtomicLong refunds = new AtomicLong();
        AtomicLong maxAhead = new AtomicLong();

        // the default CHECK order reads each file's keys once, finds them in order and streams them
        IngestReport r = new WarehouseCsvIngest(IngestOptions.defaults()).ingest(files, claim -> {
            long handed = count.incrementAndGet();
            lines.addAndGet(claim.feeLines().size());
            refunds.addAndGet(claim.feeLines().stream().filter(FeeLine::isRefund).count());
            // chunk 0 is the header, chunk i holds visit i-1's fee rows; of the streams opened (the order check read
            // one to its end) the least advanced is the one being joined
            long joined = fees.stream().mapToLong(GeneratedInput::chunksRead).min().orElseThrow();
            maxAhead.accumulateAndGet(joined - 1 - handed, Math::max);
        });

        assertThat(r.errorCount()).isZero();
        assertThat(count.get()).isEqualTo(visits);
        assertThat(lines.get()).isEqualTo(200_000);
        assertThat(refunds.get()).isEqualTo(visits / 10);
        // the reader's 64 KiB buffer holds about 30 visits' fee rows (~2.3 KB each): never the whole file
        assertThat(maxAhead.get()).isLessThan(60);
        assertThat(fees).hasSize(2);
    }

    @Test
    void sortsLargeUnsortedExtractsThroughRunsOnDisk(@TempDir Path dir) throws IOException {
        int visits = 5_000;
        try (var out = Files.newBufferedWriter(dir.resolve("fee_list_d.csv"))) {
            out.write(ClaimGenerator.FEE_HEADER);
            for (long i = visits - 1; i >= 0; i--) {
                out.write(ClaimGenerator.feeRows(i));
            }
        }
        try (var out = Files.newBufferedWriter(dir.resolve("mdtrt_d.csv"))) {
            out.write(ClaimGenerator.MDTRT_HEADER);
            for (long i = 0; i < visits; i++) {
                out.write(ClaimGenerator.mdtrtRow((i * 7919) % visits)); // a permutation
            }
        }
        try (var out = Files.newBufferedWriter(dir.resolve("setl_d.csv"))) {
            out.write(ClaimGenerator.SETL_HEADER);
            for (long i = 0; i < visits; i++) {
                out.write(ClaimGenerator.setlRow(i));
            }
        }
        Path runs = Files.createDirectory(dir.resolve("runs"));
        List<String> ids = new ArrayList<>();
        AtomicLong lines = new AtomicLong();

        IngestReport r = new WarehouseCsvIngest(IngestOptions.defaults().withSortBuffer(1 << 20, runs))
                .ingest(WarehouseFiles.in(dir), claim -> {
                    ids.add(claim.visit().mdtrtId());
                    lines.addAndGet(claim.feeLines().size());
                    assertThat(claim.settlements()).hasSize(1);
                    assertThat(claim.feeLines()).extracting(FeeLine::feedetlSn)
                            .startsWith(claim.visit().mdtrtId() + "-0");
                });

        assertThat(r.errorCount()).isZero();
        assertThat(ids).hasSize(visits).isSorted();
        assertThat(lines.get()).isEqualTo((long) visits * ClaimGenerator.LINES_PER_VISIT);
        try (Stream<Path> left = Files.list(runs)) {
            assertThat(left).isEmpty();
        }
    }

    private static RowError error(String file, long line) {
        return report.errors().stream().filter(e -> e.file().equals(file) && e.line() == line).findFirst()
                .orElseThrow(() -> new AssertionError("no error at " + file + ":" + line + " in " + report.errors()));
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
