package org.fundguard.monitoring.knowledge;

/**
 * Where a knowledge point applies: nationally, in one province ({@code PP0000}) or in one city / city pooling unit
 * ({@code PPCC00}, or {@code PPCC99} for 医保区划 such as 430799). Precedence when several apply: city > province > national.
 *
 * @param level   national, province or city
 * @param admdvs  the 6-digit 医保区划 ({@code 000000} for national)
 */
public record Scope(Level level, String admdvs) {

    /** Scope levels in ascending precedence. */
    public enum Level {
        NATIONAL("全国"), PROVINCE("省级"), CITY("市级");

        private final String label;

        Level(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public static final Scope NATIONAL = new Scope(Level.NATIONAL, "000000");

    /**
     * Parses a scope: blank, {@code 000000}, {@code national} or {@code 全国} mean national; otherwise a 6-digit code of
     * a province or a city. Throws {@link IllegalArgumentException} with a Chinese message for anything else.
     */
    public static Scope parse(String text) {
        String s = text == null ? "" : text.trim();
        if (s.isEmpty() || s.equals("000000") || s.equalsIgnoreCase("national") || s.equals("全国")) {
            return NATIONAL;
        }
        if (s.length() != 6 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("适用区划应为 6 位数字医保区划（或 000000/全国 表示全国）");
        }
        if (s.endsWith("0000")) {
            return new Scope(Level.PROVINCE, s);
        }
        if (s.endsWith("00") || s.endsWith("99")) {
            return new Scope(Level.CITY, s);
        }
        throw new IllegalArgumentException("适用区划只支持全国、省级（PP0000）或市级（PPCC00/PPCC99），县级区划 " + s + " 不支持");
    }

    /** The key compared with a {@link Region}: 0 national, PP for a province, PPCC for a city. */
    public int key() {
        return switch (level) {
            case NATIONAL -> 0;
            case PROVINCE -> Integer.parseInt(admdvs.substring(0, 2));
            case CITY -> Integer.parseInt(admdvs.substring(0, 4));
        };
    }

    /** True when a visit in {@code region} is covered by this scope. */
    public boolean covers(Region region) {
        return switch (level) {
            case NATIONAL -> true;
            case PROVINCE -> region.provinceKey() == key();
            case CITY -> region.cityKey() == key();
        };
    }
}
