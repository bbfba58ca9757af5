package org.fundguard.kit.security;

import java.util.regex.Pattern;

/**
 * What part of the 6-digit administrative-code tree (GB/T 2260 PPCCDD) a caller may see — 以上查下: a province
 * ({@code PP0000}) sees every code with its 2-digit prefix, a city ({@code PPCC00}) its own code and its counties
 * (4-digit prefix), a county only itself. Medical-insurance pooling codes ending in {@code 99} count as cities.
 * {@link #NONE} sees nothing; {@link #NATIONAL} (code 000000) sees everything.
 */
public final class RegionScope {

    private static final Pattern CODE = Pattern.compile("[0-9]{6}");

    public static final RegionScope NONE = new RegionScope(null, null);
    public static final RegionScope NATIONAL = new RegionScope("000000", "");

    private final String code;
    private final String prefix;

    private RegionScope(String code, String prefix) {
        this.code = code;
        this.prefix = prefix;
    }

    /** The scope of a caller whose token carries {@code region}; a missing or malformed claim gives {@link #NONE}. */
    public static RegionScope of(String region) {
        if (region == null || !CODE.matcher(region).matches()) {
            return NONE;
        }
        if (region.equals("000000")) {
            return NATIONAL;
        }
        if (region.endsWith("0000")) {
            return new RegionScope(region, region.substring(0, 2));
        }
        if (region.endsWith("00") || region.endsWith("99")) {
            return new RegionScope(region, region.substring(0, 4));
        }
        return new RegionScope(region, region);
    }

    public static boolean isValidCode(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    /** Whether a record of region {@code recordRegion} is within this scope. */
    public boolean canSee(String recordRegion) {
        return prefix != null && recordRegion != null && CODE.matcher(recordRegion).matches() && recordRegion.startsWith(prefix);
    }

    /** A pattern for SQL {@code region LIKE ?}; a scope that sees nothing matches no 6-digit code. */
    public String likePattern() {
        return prefix == null ? "-" : prefix + "%";
    }

    public boolean seesNothing() {
        return prefix == null;
    }

    /** The caller's own region code (null for {@link #NONE}). */
    public String code() {
        return code;
    }

    @Override
    public String toString() {
        return prefix == null ? "RegionScope[none]" : "RegionScope[" + code + " sees " + prefix + "*]";
    }
}
