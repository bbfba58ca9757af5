package org.fundguard.monitoring.engine;

import java.time.LocalDateTime;
import org.fundguard.monitoring.claim.Visit;

/**
 * What cross-visit rules need to remember of a past visit.
 *
 * @param mdtrtId       就诊ID
 * @param psnNo         人员编号
 * @param fixmedinsCode 定点医药机构编号
 * @param medType       医疗类别
 * @param begntime      admission / registration time
 * @param endtime       discharge time, may be null
 */
public record VisitRecord(String mdtrtId, String psnNo, String fixmedinsCode, String medType,
        LocalDateTime begntime, LocalDateTime endtime) {

    public static VisitRecord of(Visit v) {
        return new VisitRecord(v.mdtrtId(), v.psnNo(), v.fixmedinsCode(), v.medType(), v.begntime(), v.endtime());
    }

    /**
     * Visit order used by every cross-visit rule: by begntime, then mdtrt_id. A rule only looks at visits that come
     * before the one screened, so screening a whole history and screening a sorted stream give the same hits.
     */
    public static int compareOrder(LocalDateTime t1, String id1, LocalDateTime t2, String id2) {
        int c = t1.compareTo(t2);
        return c != 0 ? c : id1.compareTo(id2);
    }

    /** True when this visit comes before the visit (begntime, mdtrtId) in visit order. */
    public boolean before(LocalDateTime otherBegntime, String otherMdtrtId) {
        return compareOrder(begntime, mdtrtId, otherBegntime, otherMdtrtId) < 0;
    }
}
