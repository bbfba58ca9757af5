package org.fundguard.monitoring.engine;

import java.time.LocalDateTime;

/**
 * One settled use of a drug traceability code (药品追溯码): which fee line of which visit, where and when.
 *
 * @param drugTracCodg  the code
 * @param mdtrtId       visit
 * @param feedetlSn     fee line
 * @param psnNo         patient
 * @param fixmedinsCode institution or pharmacy
 * @param feeOcurTime   fee time
 */
public record TraceUse(String drugTracCodg, String mdtrtId, String feedetlSn, String psnNo, String fixmedinsCode,
        LocalDateTime feeOcurTime) {

    /** Order of uses: fee time, then visit, then line; the first use of a code is the legitimate one. */
    public int compareOrder(LocalDateTime time, String otherMdtrtId, String otherFeedetlSn) {
        int c = feeOcurTime.compareTo(time);
        if (c != 0) {
            return c;
        }
        c = mdtrtId.compareTo(otherMdtrtId);
        return c != 0 ? c : feedetlSn.compareTo(otherFeedetlSn);
    }

    public boolean sameLine(String otherMdtrtId, String otherFeedetlSn) {
        return mdtrtId.equals(otherMdtrtId) && feedetlSn.equals(otherFeedetlSn);
    }
}
