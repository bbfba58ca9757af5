package org.fundguard.monitoring.engine;

import java.util.List;

/**
 * A patient's past visits and paid uses of national codes, for cross-visit rules (分解住院, 频繁门诊/购药, 限支付疗程).
 * Implementations may hold the whole dataset (any visit order) or just the current patient's visits so far (a stream
 * sorted by psn_no and visit order); the rules themselves only look at visits before the one screened.
 */
public interface PatientHistory {

    /** The patient's visits sorted in visit order ({@link VisitRecord#compareOrder}); never null. */
    List<VisitRecord> visits(String psnNo);

    /** The patient's paid uses of a code sorted by fee date; never null. */
    List<CodeUse> uses(String psnNo, String code);

    /** A history that knows nothing (pre-settlement checks with no history loaded). */
    static PatientHistory none() {
        return new PatientHistory() {
            @Override
            public List<VisitRecord> visits(String psnNo) {
                return List.of();
            }

            @Override
            public List<CodeUse> uses(String psnNo, String code) {
                return List.of();
            }
        };
    }
}
