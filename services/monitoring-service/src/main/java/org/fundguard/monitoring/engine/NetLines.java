package org.fundguard.monitoring.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fundguard.monitoring.claim.FeeLine;

/**
 * The fee lines of one visit net of its refunds. Built only for visits that contain a refund line; without one every
 * line stands as charged and no netting object exists (the clean path allocates nothing).
 *
 * <p>Offsetting (data-formats §5.2, §7, §13.3): a refund line (negative cnt or amount, or refd_setl_flag = 1) first
 * offsets the line named by its {@code init_feedetl_sn}; without one, it offsets lines of the same {@code hilist_code}
 * that still have quantity, latest fee time not after the refund first, then any. Refund lines themselves never hit.
 */
final class NetLines {

    private final BigDecimal[] cnt;
    private final BigDecimal[] amt;
    private final boolean[] gone;

    private NetLines(BigDecimal[] cnt, BigDecimal[] amt, boolean[] gone) {
        this.cnt = cnt;
        this.amt = amt;
        this.gone = gone;
    }

    /** Netting for the lines, or null when none of them is a refund. */
    static NetLines of(List<FeeLine> lines) {
        int n = lines.size();
        boolean any = false;
        for (int i = 0; i < n; i++) {
            if (lines.get(i).isRefund()) {
                any = true;
                break;
            }
        }
        if (!any) {
            return null;
        }
        BigDecimal[] cnt = new BigDecimal[n];
        BigDecimal[] amt = new BigDecimal[n];
        Map<String, Integer> bySn = new HashMap<>();
        for (int i = 0; i < n; i++) {
            FeeLine l = lines.get(i);
            if (!l.isRefund()) {
                cnt[i] = nz(l.cnt());
                amt[i] = nz(l.detItemFeeSumamt());
                if (l.feedetlSn() != null) {
                    bySn.put(l.feedetlSn(), i);
                }
            }
        }
        for (int r = 0; r < n; r++) {
            FeeLine refund = lines.get(r);
            if (!refund.isRefund()) {
                continue;
            }
            BigDecimal qty = nz(refund.cnt()).abs();
            BigDecimal money = nz(refund.detItemFeeSumamt()).abs();
            Integer target = refund.initFeedetlSn() == null ? null : bySn.get(refund.initFeedetlSn());
            if (target != null) {
                take(cnt, amt, target, qty, money, qty);
                continue;
            }
            BigDecimal left = qty;
            // latest same-code line at or before the refund first, then any same-code line with quantity left
            for (int pass = 0; pass < 2 && left.signum() > 0; pass++) {
                while (left.signum() > 0) {
                    int best = -1;
                    for (int i = 0; i < n; i++) {
                        if (cnt[i] == null || cnt[i].signum() <= 0 || !same(lines.get(i), refund)) {
                            continue;
                        }
                        if (pass == 0 && !notAfter(lines.get(i).feeOcurTime(), refund.feeOcurTime())) {
                            continue;
                        }
                        if (best < 0 || later(lines.get(i).feeOcurTime(), lines.get(best).feeOcurTime())) {
                            best = i;
                        }
                    }
                    if (best < 0) {
                        break;
                    }
                    BigDecimal t = left.min(cnt[best]);
                    take(cnt, amt, best, t, money, qty);
                    left = left.subtract(t);
                }
            }
        }
        boolean[] gone = new boolean[n];
        for (int i = 0; i < n; i++) {
            FeeLine l = lines.get(i);
            gone[i] = l.isRefund() || (l.cnt() != null && cnt[i].signum() <= 0);
        }
        return new NetLines(cnt, amt, gone);
    }

    private static void take(BigDecimal[] cnt, BigDecimal[] amt, int i, BigDecimal qty, BigDecimal money,
            BigDecimal refundQty) {
        cnt[i] = cnt[i].subtract(qty);
        BigDecimal share = refundQty.signum() == 0 ? money
                : money.multiply(qty).divide(refundQty, 2, RoundingMode.HALF_UP);
        amt[i] = amt[i].subtract(share);
    }

    private static boolean same(FeeLine a, FeeLine b) {
        return a.hilistCode() != null && a.hilistCode().equals(b.hilistCode());
    }

    private static boolean notAfter(LocalDateTime a, LocalDateTime b) {
        return a == null || b == null || !a.isAfter(b);
    }

    private static boolean later(LocalDateTime a, LocalDateTime b) {
        return a != null && (b == null || a.isAfter(b));
    }

    private static BigDecimal nz(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }

    /** True when line i is a refund or has been refunded in full: it must not hit. */
    boolean gone(int i) {
        return gone[i];
    }

    BigDecimal cnt(int i) {
        return cnt[i];
    }

    BigDecimal amount(int i) {
        return amt[i];
    }

    // Static accessors so callers need no branch on a null netting.
    static BigDecimal cnt(NetLines net, FeeLine line, int i) {
        return net == null ? nz(line.cnt()) : net.cnt[i];
    }

    static BigDecimal amount(NetLines net, FeeLine line, int i) {
        return net == null ? nz(line.detItemFeeSumamt()) : net.amt[i];
    }

    /**
     * True when line i should be screened: not a refund, not refunded in full, positive quantity. {@code net} is
     * {@link #of} over the line's visit, so null means no line of it is a refund.
     */
    static boolean live(NetLines net, FeeLine line, int i) {
        if (net != null) {
            return !net.gone(i);
        }
        BigDecimal cnt = line.cnt();
        return cnt == null || cnt.signum() > 0;
    }
}
