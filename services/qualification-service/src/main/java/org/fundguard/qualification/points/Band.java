package org.fundguard.qualification.points;

/**
 * The four bands of 医保发〔2024〕23号: 1–3, 4–6, 7–9, 10–12 (10–12 for fraud). Responsibility picks the low, middle or
 * high end of the band; an officer may set any value inside it.
 */
public enum Band {
    B1_3(1, 3), B4_6(4, 6), B7_9(7, 9), B10_12(10, 12);

    private final int low;
    private final int high;

    Band(int low, int high) {
        this.low = low;
        this.high = high;
    }

    public int low() {
        return low;
    }

    public int high() {
        return high;
    }

    public boolean contains(int points) {
        return points >= low && points <= high;
    }

    /** The points this responsibility level proposes: 一般 the low end, 重要 the middle, 主要 the high end. */
    public int proposed(ResponsibilityLevel level) {
        return switch (level) {
            case GENERAL -> low;
            case IMPORTANT -> low + 1;
            case PRINCIPAL -> high;
        };
    }

    /** Band 1 to 4 as the tables number them. */
    public static Band ofNumber(int n) {
        if (n < 1 || n > 4) {
            throw new IllegalArgumentException("band must be 1 to 4, was " + n);
        }
        return values()[n - 1];
    }

    @Override
    public String toString() {
        return low + "–" + high;
    }
}
