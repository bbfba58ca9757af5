package org.fundguard.kit.calendar;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads holiday files: {@code calendar/cn-<year>.json} on the classpath (the kit ships the years the State Council has
 * announced), then every {@code *.json} of an optional directory, whose year replaces the classpath's. A file is
 * {@code {"year": 2026, "source": "…", "holidays": ["2026-01-01", …], "makeUpWorkingDays": ["2026-01-04", …]}};
 * anything else fails with the file and the entry named.
 */
public final class HolidayFiles {

    /** Years probed on the classpath. */
    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2099;

    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();
    private static final Pattern YEAR_IN_NAME = Pattern.compile(".*-(\\d{4})\\.json");
    private static final Set<String> FIELDS = Set.of("year", "source", "holidays", "makeUpWorkingDays");

    private HolidayFiles() {
    }

    /** The classpath's years, overridden and extended by {@code directory}'s files. */
    public static Map<Integer, HolidayYear> load(ClassLoader classLoader, Optional<Path> directory) {
        Map<Integer, HolidayYear> years = new TreeMap<>();
        for (int y = FIRST_YEAR; y <= LAST_YEAR; y++) {
            String name = "calendar/cn-" + y + ".json";
            try (InputStream in = classLoader.getResourceAsStream(name)) {
                if (in != null) {
                    years.put(y, parse("classpath:" + name, in.readAllBytes()));
                }
            } catch (IOException e) {
                throw new IllegalStateException("holiday file classpath:" + name + " cannot be read", e);
            }
        }
        if (directory.isPresent()) {
            Map<Integer, String> seen = new TreeMap<>();
            for (Path file : files(directory.get())) {
                HolidayYear year;
                try {
                    year = parse(file.toString(), Files.readAllBytes(file));
                } catch (IOException e) {
                    throw new IllegalStateException("holiday file " + file + " cannot be read", e);
                }
                String other = seen.put(year.year(), file.toString());
                if (other != null) {
                    throw new IllegalStateException("holiday files " + other + " and " + file + " both give year " + year.year());
                }
                years.put(year.year(), year);
            }
        }
        return years;
    }

    private static Iterable<Path> files(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalStateException("holiday directory " + directory + " (fundguard.calendar.directory) is not a directory");
        }
        Set<Path> out = new java.util.TreeSet<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(directory, "*.json")) {
            ds.forEach(out::add);
        } catch (IOException e) {
            throw new IllegalStateException("holiday directory " + directory + " cannot be listed", e);
        }
        return out;
    }

    /** Parses one file; {@code name} appears in every error. */
    public static HolidayYear parse(String name, byte[] content) {
        JsonNode root;
        try {
            root = JSON.readTree(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("holiday file " + name + " is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalStateException("holiday file " + name + " cannot be read", e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalStateException("holiday file " + name + " is not a JSON object");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!FIELDS.contains(field)) {
                throw new IllegalStateException("holiday file " + name + ": unknown entry '" + field + "'");
            }
        }
        JsonNode yearNode = root.get("year");
        if (yearNode == null || !yearNode.isInt() || yearNode.asInt() < FIRST_YEAR || yearNode.asInt() > LAST_YEAR) {
            throw new IllegalStateException("holiday file " + name + ": 'year' must be a year between " + FIRST_YEAR + " and " + LAST_YEAR);
        }
        int year = yearNode.asInt();
        Matcher m = YEAR_IN_NAME.matcher(name);
        if (m.matches() && Integer.parseInt(m.group(1)) != year) {
            throw new IllegalStateException("holiday file " + name + ": 'year' is " + year + " but the file name says " + m.group(1));
        }
        JsonNode source = root.get("source");
        if (source == null || !source.isTextual() || source.asText().isBlank()) {
            throw new IllegalStateException("holiday file " + name + ": 'source' must name the notice the dates come from");
        }
        Set<LocalDate> holidays = dates(name, root, "holidays", year);
        Set<LocalDate> makeUp = dates(name, root, "makeUpWorkingDays", year);
        for (LocalDate day : makeUp) {
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                throw new IllegalStateException("holiday file " + name + ": makeUpWorkingDays " + day + " is not a Saturday or Sunday");
            }
            if (holidays.contains(day)) {
                throw new IllegalStateException("holiday file " + name + ": " + day + " is both in holidays and in makeUpWorkingDays");
            }
        }
        return new HolidayYear(year, source.asText(), holidays, makeUp);
    }

    // a notice's dates lie in its year, or (a holiday spanning the turn of the year) in the weeks next to it
    private static Set<LocalDate> dates(String name, JsonNode root, String field, int year) {
        JsonNode array = root.get(field);
        if (array == null || !array.isArray()) {
            throw new IllegalStateException("holiday file " + name + ": '" + field + "' must be an array of ISO dates");
        }
        Set<LocalDate> out = new LinkedHashSet<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode item = array.get(i);
            String where = "holiday file " + name + ": " + field + "[" + i + "]";
            if (!item.isTextual()) {
                throw new IllegalStateException(where + " is not an ISO date (yyyy-MM-dd)");
            }
            LocalDate day;
            try {
                day = LocalDate.parse(item.asText());
            } catch (DateTimeParseException e) {
                throw new IllegalStateException(where + " '" + item.asText() + "' is not an ISO date (yyyy-MM-dd)");
            }
            if (day.isBefore(LocalDate.of(year - 1, 12, 1)) || day.isAfter(LocalDate.of(year + 1, 1, 31))) {
                throw new IllegalStateException(where + " " + day + " is not in or next to " + year);
            }
            out.add(day);
        }
        return out;
    }
}
