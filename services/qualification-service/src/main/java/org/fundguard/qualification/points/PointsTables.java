package org.fundguard.qualification.points;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The points tables in force, by region code and date (versioned configuration, as reports-service's reward policies):
 * the table whose region prefix is the longest that matches, and of those the latest effective on the date.
 */
public final class PointsTables {

    /** Classpath resource holding the tables shipped with the service. */
    public static final String RESOURCE = "/points-tables.json";

    private static final Pattern REGION_PREFIX = Pattern.compile("|\\d{2}|\\d{4}|\\d{6}");
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private record File(List<PointsTable> tables) {
    }

    private final List<PointsTable> tables;

    public PointsTables(List<PointsTable> tables) {
        this.tables = List.copyOf(tables);
        Set<String> ids = new HashSet<>();
        Set<String> versions = new HashSet<>();
        for (PointsTable t : this.tables) {
            if (!REGION_PREFIX.matcher(t.regionPrefix()).matches()) {
                throw new IllegalStateException("points table " + t.id() + ": regionPrefix must be '', 2, 4 or 6 digits");
            }
            if (!ids.add(t.id()) || !versions.add(t.regionPrefix() + "@" + t.effectiveFrom())) {
                throw new IllegalStateException("points table " + t.id() + " repeats an id or a (regionPrefix, effectiveFrom)");
            }
        }
        if (this.tables.stream().noneMatch(t -> t.regionPrefix().isEmpty())) {
            throw new IllegalStateException("points tables need a national default (regionPrefix '')");
        }
    }

    /** Loads and checks the tables shipped in {@value #RESOURCE}. */
    public static PointsTables loadDefault() {
        try (InputStream in = PointsTables.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("points tables resource " + RESOURCE + " is missing");
            }
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read points tables " + RESOURCE, e);
        }
    }

    public static PointsTables load(InputStream in) throws IOException {
        return new PointsTables(JSON.readValue(in, File.class).tables());
    }

    /** The table for a decision of {@code region} (6 digits) on {@code date}. */
    public PointsTable inForce(String region, LocalDate date) {
        return tables.stream()
                .filter(t -> region.startsWith(t.regionPrefix()) && !t.effectiveFrom().isAfter(date))
                .max(Comparator.comparingInt((PointsTable t) -> t.regionPrefix().length())
                        .thenComparing(PointsTable::effectiveFrom))
                .orElseThrow(() -> new IllegalStateException("no points table in force for " + region + " on " + date));
    }

    public List<PointsTable> all() {
        return tables;
    }
}
