package org.fundguard.monitoring.engine;

/**
 * Settled uses of drug traceability codes across all institutions and patients (回流药: one box, one settlement).
 * Batch screening builds it over the whole dataset ({@link InMemoryTraceCodeIndex}, or a {@link TraceCodeLog} in a
 * single pass); pre-settlement checks use one fed with past settlements.
 */
public interface TraceCodeIndex {

    /** The earliest settled (not refunded) use of the code, or null when none is known. */
    TraceUse firstUse(String drugTracCodg);

    /** How many settled uses of the code are known. */
    int useCount(String drugTracCodg);

    static TraceCodeIndex none() {
        return new TraceCodeIndex() {
            @Override
            public TraceUse firstUse(String drugTracCodg) {
                return null;
            }

            @Override
            public int useCount(String drugTracCodg) {
                return 0;
            }
        };
    }
}
