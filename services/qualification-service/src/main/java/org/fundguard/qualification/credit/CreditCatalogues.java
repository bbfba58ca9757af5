package org.fundguard.qualification.credit;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The credit catalogues in force, by region code and date: the shipped {@value #RESOURCE} (the 上虞 default) plus a
 * province's own file ({@code qualification.credit.catalogue-file}); each checked when loaded.
 */
public final class CreditCatalogues {

    public static final String RESOURCE = "/credit/credit-catalogues.json";

    private static final Pattern REGION_PREFIX = Pattern.compile("|\\d{2}|\\d{4}|\\d{6}");
    private static final Pattern REGION_CODE = Pattern.compile("\\d{6}");
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private record File(List<CreditCatalogue> catalogues) {
    }

    private final List<CreditCatalogue> catalogues;

    public CreditCatalogues(List<CreditCatalogue> catalogues) {
        this.catalogues = List.copyOf(catalogues);
        Set<String> ids = new HashSet<>();
        Set<String> keys = new HashSet<>();
        for (CreditCatalogue c : this.catalogues) {
            validate(c);
            if (!ids.add(c.id())) {
                throw new IllegalStateException("credit catalogue id " + c.id() + " is defined twice");
            }
            if (!keys.add(c.regionPrefix() + "@" + c.effectiveFrom())) {
                throw new IllegalStateException("two credit catalogues apply to region prefix \"" + c.regionPrefix()
                        + "\" from " + c.effectiveFrom());
            }
        }
    }

    /** The shipped catalogues. */
    public static CreditCatalogues loadDefault() {
        return new CreditCatalogues(shipped());
    }

    /** The shipped catalogues plus a province's own file. */
    public static CreditCatalogues loadWith(Path extraFile) {
        List<CreditCatalogue> all = new ArrayList<>(shipped());
        try (InputStream in = Files.newInputStream(extraFile)) {
            all.addAll(parse(in, extraFile.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read credit catalogue file " + extraFile, e);
        }
        return new CreditCatalogues(all);
    }

    public static List<CreditCatalogue> parse(InputStream in, String name) {
        try {
            return JSON.readValue(in, File.class).catalogues();
        } catch (IOException e) {
            throw new IllegalStateException("credit catalogue file " + name + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static List<CreditCatalogue> shipped() {
        try (InputStream in = CreditCatalogues.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("credit catalogue resource " + RESOURCE + " is missing");
            }
            return parse(in, RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<CreditCatalogue> all() {
        return catalogues;
    }

    /**
     * The catalogue for region {@code regionCode6} on {@code date}: the longest matching prefix, then the latest
     * effectiveFrom on or before the date.
     */
    public CreditCatalogue inForce(String regionCode6, LocalDate date) {
        if (regionCode6 == null || !REGION_CODE.matcher(regionCode6).matches()) {
            throw new IllegalArgumentException("regionCode6 must be a 6-digit region code, was " + regionCode6);
        }
        Objects.requireNonNull(date, "date");
        return catalogues.stream()
                .filter(c -> regionCode6.startsWith(c.regionPrefix()))
                .filter(c -> !c.effectiveFrom().isAfter(date))
                .max(Comparator.<CreditCatalogue>comparingInt(c -> c.regionPrefix().length())
                        .thenComparing(CreditCatalogue::effectiveFrom))
                .orElseThrow(() -> new IllegalStateException("no credit catalogue in force for region " + regionCode6 + " on " + date));
    }

    private static void validate(CreditCatalogue c) {
        String at = "credit catalogue " + c.id() + ": ";
        require(c.id() != null && !c.id().isBlank(), "credit catalogue without id");
        require(c.regionPrefix() != null && REGION_PREFIX.matcher(c.regionPrefix()).matches(), at + "regionPrefix must be \"\" or 2, 4 or 6 digits");
        require(c.effectiveFrom() != null, at + "effectiveFrom is required");
        require(c.scale() > 0, at + "scale must be positive");
        int weights = 0;
        Set<String> codes = new HashSet<>();
        for (CreditCatalogue.Category cat : c.categories()) {
            int max = 0;
            for (CreditCatalogue.Indicator i : cat.indicators()) {
                require(codes.add(i.code()), at + "indicator " + i.code() + " is listed twice");
                require(i.maxDeduction() > 0 && i.deductionPerCase() > 0 && i.deductionPerCase() <= i.maxDeduction(),
                        at + "indicator " + i.code() + " needs 0 < deductionPerCase <= maxDeduction");
                require(!i.repairable() || i.repairDays() != null && i.repairDays() > 0,
                        at + "repairable indicator " + i.code() + " needs repairDays > 0");
                max += i.maxDeduction();
            }
            require(max == cat.weight(), at + "category " + cat.code() + " weighs " + cat.weight()
                    + " but its indicators' deductions add up to " + max);
            weights += cat.weight();
        }
        require(weights == c.scale(), at + "category weights add up to " + weights + ", not the scale " + c.scale());
        require(!c.grades().isEmpty(), at + "grades are required");
        int previous = Integer.MAX_VALUE;
        for (CreditCatalogue.GradeCut g : c.grades()) {
            require(g.minScore() < previous, at + "grades must be listed from the best down with falling minScore");
            require(c.inspectionsPerYear().containsKey(g.grade()), at + "grade " + g.grade() + " has no inspectionsPerYear");
            previous = g.minScore();
        }
        require(c.grades().get(c.grades().size() - 1).minScore() <= 0, at + "the worst grade must start at 0");
        Set<String> gradeNames = new HashSet<>();
        c.grades().forEach(g -> gradeNames.add(g.grade()));
        require(gradeNames.containsAll(c.poorGrades()), at + "poorGrades names a grade that is not defined");
        require(c.poorYearsToFlag() >= 1, at + "poorYearsToFlag must be at least 1");
        for (CreditCatalogue.Mapping m : c.mappings()) {
            for (String code : m.indicators()) {
                require(codes.contains(code), at + "a mapping names the unknown indicator " + code);
            }
        }
        for (String code : c.seriousDishonesty().indicators()) {
            require(codes.contains(code), at + "seriousDishonesty names the unknown indicator " + code);
        }
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalStateException(message);
        }
    }
}
