package org.fundguard.monitoring.screening;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.fundguard.monitoring.claim.Claim;
import org.fundguard.monitoring.claim.Visit;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;

/**
 * Claims kept for batch screening: one row per visit with its lines and settlements as JSON, loaded with COPY through a
 * staging table so that a visit loaded again (a corrected export) replaces the earlier copy instead of doubling it.
 * Plain JDBC: the volume (millions of lines) wants COPY, which the reactive client does not offer.
 *
 * <p>A load replaces only stored visits of the regions it may change ({@code replaceable}, a SQL {@code LIKE} pattern
 * over {@code claim_visit.admdvs}, e.g. the caller's {@code RegionScope.likePattern()}): the upsert's
 * {@code DO UPDATE … WHERE} leaves any other stored visit as it is — decided row by row under the row lock the upsert
 * takes, so no read-then-write race — and the visits it left are answered as {@link Clash}es. A clashing visit's fee
 * lines and settlements live in its body, so none of them are stored either.
 */
public final class ClaimStore {

    /** Visits per COPY round trip. */
    static final int BATCH = 2_000;

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final ObjectWriter WRITER = JSON.writerFor(Claim.class);

    private ClaimStore() {
    }

    /** Any stored visit may be replaced (the demo data and tests: no caller region). */
    public static final String ANY_REGION = "%";

    /** Clashes listed one by one; beyond this they are only counted. */
    static final int MAX_CLASHES_LISTED = 1_000;

    /**
     * What a load stored: visits and lines stored; visits skipped as unscreenable; visits left out because their
     * {@code mdtrt_id} is a stored visit of a region the load may not change ({@code clashCount}, the first
     * {@value #MAX_CLASHES_LISTED} listed).
     */
    public record Loaded(UUID loadId, long visits, long lines, long skipped, long clashCount, List<Clash> clashes) {
        public Loaded {
            clashes = List.copyOf(clashes);
        }

        public Loaded(UUID loadId, long visits, long lines, long skipped) {
            this(loadId, visits, lines, skipped, 0, List.of());
        }
    }

    /** A visit of the load whose {@code mdtrt_id} is another region's stored visit: not stored, that visit unchanged. */
    public record Clash(String mdtrtId, long line) {
    }

    /** Where the visits come from: the claims, and the source line of the claim last taken (0 when not known). */
    public interface Source extends Iterator<Claim> {
        long line();
    }

    /**
     * Stores the claims in one transaction (all or nothing); visits without mdtrt_id, psn_no or begntime cannot be
     * screened and are counted as skipped (ingest has already reported them).
     */
    public static Loaded load(Connection c, Iterator<Claim> claims) throws SQLException {
        return load(c, claims, () -> true);
    }

    /**
     * As {@link #load(Connection, Iterator)}, asking {@code complete} once the claims are read: when it says no (the
     * source found a file-level problem part way), nothing is stored.
     */
    public static Loaded load(Connection c, Iterator<Claim> claims, java.util.function.BooleanSupplier complete) throws SQLException {
        return load(c, claims, complete, loaded -> { });
    }

    /** Work done on the load's open transaction once the claims are stored, before the commit (the load's audit entry). */
    @FunctionalInterface
    public interface BeforeCommit {
        void accept(Loaded loaded) throws SQLException;
    }

    /**
     * As {@link #load(Connection, Iterator, java.util.function.BooleanSupplier)}, running {@code beforeCommit} on the same
     * transaction once the claims are stored: a failure there stores nothing.
     */
    public static Loaded load(Connection c, Iterator<Claim> claims, java.util.function.BooleanSupplier complete,
                              BeforeCommit beforeCommit) throws SQLException {
        Source source = new Source() {
            @Override
            public long line() {
                return 0;
            }

            @Override
            public boolean hasNext() {
                return claims.hasNext();
            }

            @Override
            public Claim next() {
                return claims.next();
            }
        };
        return load(c, source, ANY_REGION, complete, beforeCommit);
    }

    /**
     * As {@link #load(Connection, Iterator, java.util.function.BooleanSupplier, BeforeCommit)}, replacing only stored
     * visits whose region matches {@code replaceable} (SQL {@code LIKE}); a visit whose {@code mdtrt_id} is stored for
     * another region is not stored and is answered as a {@link Clash} with its source line.
     */
    public static Loaded load(Connection c, Source claims, String replaceable, java.util.function.BooleanSupplier complete,
                              BeforeCommit beforeCommit) throws SQLException {
        UUID loadId = UUID.randomUUID();
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE claim_visit_load (LIKE claim_visit INCLUDING DEFAULTS, src_line bigint) ON COMMIT DROP");
            long visits = 0;
            long lines = 0;
            long skipped = 0;
            StringBuilder rows = new StringBuilder(1 << 16);
            int inBatch = 0;
            while (claims.hasNext()) {
                Claim claim = claims.next();
                Visit v = claim.visit();
                if (v == null || v.mdtrtId() == null || v.psnNo() == null || v.begntime() == null) {
                    skipped++;
                    continue;
                }
                csv(rows, v.mdtrtId()).append(',');
                csv(rows, v.psnNo()).append(',');
                csv(rows, v.regionAdmdvs()).append(',');
                csv(rows, v.fixmedinsCode()).append(',');
                rows.append(v.begntime()).append(',').append(claim.feeLines().size()).append(',');
                csv(rows, write(claim)).append(',').append(loadId).append(',').append(claims.line()).append('\n');
                visits++;
                lines += claim.feeLines().size();
                if (++inBatch == BATCH) {
                    copy(c, rows);
                    inBatch = 0;
                }
            }
            copy(c, rows);
            if (!complete.getAsBoolean()) {
                c.rollback();
                return new Loaded(loadId, 0, 0, skipped + visits);
            }
            long clashCount = 0;
            long clashLines = 0;
            List<Clash> clashes = new ArrayList<>();
            // the upsert replaces a stored visit only when its region is one this load may change; the visits it left
            // (not in RETURNING) are the clashes
            try (PreparedStatement upsert = c.prepareStatement("WITH stored AS ("
                    + "INSERT INTO claim_visit (mdtrt_id, psn_no, admdvs, fixmedins_code, begntime, line_count, body, load_id) "
                    + "SELECT DISTINCT ON (mdtrt_id) mdtrt_id, psn_no, admdvs, fixmedins_code, begntime, line_count, body, load_id "
                    + "FROM claim_visit_load ORDER BY mdtrt_id "
                    + "ON CONFLICT (mdtrt_id) DO UPDATE SET psn_no = excluded.psn_no, admdvs = excluded.admdvs, "
                    + "fixmedins_code = excluded.fixmedins_code, begntime = excluded.begntime, line_count = excluded.line_count, "
                    + "body = excluded.body, load_id = excluded.load_id, loaded_at = now() "
                    + "WHERE coalesce(claim_visit.admdvs, '') LIKE ? "
                    + "RETURNING mdtrt_id) "
                    + "SELECT l.mdtrt_id, min(l.src_line), max(l.line_count) FROM claim_visit_load l "
                    + "WHERE NOT EXISTS (SELECT 1 FROM stored WHERE stored.mdtrt_id = l.mdtrt_id) "
                    + "GROUP BY l.mdtrt_id ORDER BY min(l.src_line), l.mdtrt_id")) {
                upsert.setString(1, replaceable);
                try (ResultSet rs = upsert.executeQuery()) {
                    while (rs.next()) {
                        clashCount++;
                        clashLines += rs.getLong(3);
                        if (clashes.size() < MAX_CLASHES_LISTED) {
                            clashes.add(new Clash(rs.getString(1), rs.getLong(2)));
                        }
                    }
                }
            }
            Loaded loaded = new Loaded(loadId, visits - clashCount, lines - clashLines, skipped, clashCount, clashes);
            beforeCommit.accept(loaded);
            c.commit();
            return loaded;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }

    /** The claim stored as JSON, read back. */
    static Claim read(String body) {
        try {
            return JSON.readValue(body, Claim.class);
        } catch (IOException e) {
            throw new UncheckedIOException("stored claim is not readable", e);
        }
    }

    private static void copy(Connection c, StringBuilder rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
        CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn(
                "COPY claim_visit_load (mdtrt_id, psn_no, admdvs, fixmedins_code, begntime, line_count, body, load_id, src_line) "
                        + "FROM STDIN WITH (FORMAT csv)");
        try {
            in.writeToCopy(bytes, 0, bytes.length);
            in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
        rows.setLength(0);
    }

    private static String write(Claim claim) {
        try {
            return WRITER.writeValueAsString(claim);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A CSV field: empty (NULL in COPY csv) for null, else quoted with doubled quotes. */
    private static StringBuilder csv(StringBuilder out, String value) {
        if (value == null) {
            return out;
        }
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch == '"') {
                out.append('"');
            }
            out.append(ch);
        }
        return out.append('"');
    }
}
