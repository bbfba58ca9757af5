package org.fundguard.monitoring.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import org.fundguard.monitoring.ingest.IngestOptions.WarehouseOrder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rough throughput of both dialects on 1,000,000 generated fee lines read from files: prints fee lines per second of
 * wall time and of the ingesting thread's CPU time (the latter is steadier on a shared machine); asserts only that all
 * lines arrived. Off by default:
 * {@code ./mvnw -o -q -pl services/monitoring-service test -Dtest=IngestThroughputTest -Dingest.benchmark=true}.
 */
@EnabledIfSystemProperty(named = "ingest.benchmark", matches = "true")
class IngestThroughputTest {

    private static final int VISITS = 100_000;
    private static final long LINES = (long) VISITS * ClaimGenerator.LINES_PER_VISIT;

    @TempDir
    static Path dir;

    @BeforeAll
    static void generate() throws IOException {
        write("claims.jsonl", null, ClaimGenerator::jsonLine);
        write("mdtrt_d.csv", ClaimGenerator.MDTRT_HEADER, ClaimGenerator::mdtrtRow);
        write("setl_d.csv", ClaimGenerator.SETL_HEADER, ClaimGenerator::setlRow);
        write("fee_list_d.csv", ClaimGenerator.FEE_HEADER, ClaimGenerator::feeRows);
        // the same fee rows, visits in reverse order: the external sort has to work
        write("unsorted/fee_list_d.csv", ClaimGenerator.FEE_HEADER, i -> ClaimGenerator.feeRows(VISITS - 1 - i));
        Files.copy(dir.resolve("mdtrt_d.csv"), dir.resolve("unsorted/mdtrt_d.csv"));
        Files.copy(dir.resolve("setl_d.csv"), dir.resolve("unsorted/setl_d.csv"));
    }

    @Test
    void jsonLines() throws IOException {
        JsonLinesIngest ingest = new JsonLinesIngest(IngestOptions.defaults());
        for (int round = 0; round < 3; round++) {
            measure("json lines", lines -> ingest.ingest(dir.resolve("claims.jsonl"), c -> lines.addAndGet(
                    c.feeLines().size())));
        }
    }

    @Test
    void warehouseSorted() throws IOException {
        for (WarehouseOrder order : new WarehouseOrder[] {WarehouseOrder.SORTED, WarehouseOrder.CHECK}) {
            WarehouseCsvIngest ingest = new WarehouseCsvIngest(IngestOptions.defaults().withWarehouseOrder(order));
            for (int round = 0; round < 3; round++) {
                measure("warehouse csv in order, " + order, lines -> ingest.ingest(WarehouseFiles.in(dir),
                        c -> lines.addAndGet(c.feeLines().size())));
            }
        }
    }

    @Test
    void warehouseUnsorted() throws IOException {
        WarehouseCsvIngest ingest = new WarehouseCsvIngest(IngestOptions.defaults());
        for (int round = 0; round < 3; round++) {
            measure("warehouse csv out of order, CHECK → external sort", lines -> ingest.ingest(
                    WarehouseFiles.in(dir.resolve("unsorted")), c -> lines.addAndGet(c.feeLines().size())));
        }
    }

    private interface Run {
        IngestReport run(AtomicLong lines) throws IOException;
    }

    private static void measure(String what, Run run) throws IOException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        AtomicLong lines = new AtomicLong();
        long cpu = threads.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        IngestReport report = run.run(lines);
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
        double wallSeconds = (System.nanoTime() - wall) / 1e9;
        System.out.printf("%s: %,d fee lines, %.2f s = %,.0f lines/s wall, %,.0f lines/s of thread CPU%n", what,
                lines.get(), wallSeconds, lines.get() / wallSeconds, lines.get() / cpuSeconds);
        assertThat(report.feeLines()).isEqualTo(LINES);
        assertThat(report.errorCount()).isZero();
    }

    private static void write(String name, String header, LongFunction<String> rows) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        try (Writer out = Files.newBufferedWriter(file)) {
            if (header != null) {
                out.write(header);
            }
            for (long i = 0; i < VISITS; i++) {
                out.write(rows.apply(i));
            }
        }
    }
}
