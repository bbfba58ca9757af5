package org.fundguard.monitoring.knowledge;

/**
 * The region of a visit, split once into the keys knowledge lookups compare (province {@code PP}, city {@code PPCC}).
 * An unknown or malformed 医保区划 gets keys -1, so only national knowledge points apply to it.
 *
 * @param admdvs      the 6-digit 医保区划 as given (may be null)
 * @param provinceKey the first two digits, or -1
 * @param cityKey     the first four digits, or -1
 */
public record Region(String admdvs, int provinceKey, int cityKey) {

    public static final Region UNKNOWN = new Region(null, -1, -1);

    /** Regions already split, by code: a few thousand 医保区划 exist, so visits share them instead of splitting each. */
    private static final java.util.concurrent.ConcurrentHashMap<String, Region> KNOWN =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final int KNOWN_MAX = 20_000;

    public static Region of(String admdvs) {
        if (admdvs == null) {
            return UNKNOWN;
        }
        Region r = KNOWN.get(admdvs);
        if (r == null) {
            r = split(admdvs);
            if (KNOWN.size() < KNOWN_MAX) {
                KNOWN.putIfAbsent(admdvs, r);
            }
        }
        return r;
    }

    private static Region split(String admdvs) {
        if (admdvs.length() != 6) {
            return new Region(admdvs, -1, -1);
        }
        int v = 0;
        for (int i = 0; i < 6; i++) {
            char c = admdvs.charAt(i);
            if (c < '0' || c > '9') {
                return new Region(admdvs, -1, -1);
            }
            v = v * 10 + (c - '0');
        }
        return new Region(admdvs, v / 10000, v / 100);
    }
}
