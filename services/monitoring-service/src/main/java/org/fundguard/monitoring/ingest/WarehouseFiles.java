package org.fundguard.monitoring.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The three warehouse-dialect CSV extracts of one batch (data-formats §7): {@code mdtrt_d} 就诊信息, {@code setl_d}
 * 结算信息 and {@code fee_list_d} 费用明细.
 */
public record WarehouseFiles(Source mdtrtD, Source setlD, Source feeListD) {

    public WarehouseFiles {
        Objects.requireNonNull(mdtrtD, "mdtrtD");
        Objects.requireNonNull(setlD, "setlD");
        Objects.requireNonNull(feeListD, "feeListD");
    }

    /** Opens the bytes of one extract; may be called more than once. */
    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    /** One extract: the name used in errors and how to open it. */
    public record Source(String name, Opener opener) {

        public static Source of(Path file) {
            return of(file.getFileName().toString(), file);
        }

        /** The file under another name (an upload's part name, not the temporary file it was buffered in). */
        public static Source of(String name, Path file) {
            return new Source(name, () -> Files.newInputStream(file));
        }
    }

    /** {@code mdtrt_d.csv}, {@code setl_d.csv} and {@code fee_list_d.csv} in {@code dir}. */
    public static WarehouseFiles in(Path dir) {
        return new WarehouseFiles(Source.of(dir.resolve("mdtrt_d.csv")), Source.of(dir.resolve("setl_d.csv")),
                Source.of(dir.resolve("fee_list_d.csv")));
    }
}
