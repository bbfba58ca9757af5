package org.fundguard.monitoring.claim;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The unit the engine screens: one visit with all its fee lines (refund lines included) and its settlements.
 *
 * @param visit       the visit (就诊)
 * @param feeLines    its fee lines (费用明细), in any order
 * @param settlements its settlements (结算); empty before settlement (pre-settlement checks)
 */
public record Claim(
        @JsonProperty("visit") Visit visit,
        @JsonProperty("feedetail") List<FeeLine> feeLines,
        @JsonProperty("setlinfo") List<Settlement> settlements) {

    public Claim {
        feeLines = feeLines == null ? List.of() : List.copyOf(feeLines);
        settlements = settlements == null ? List.of() : List.copyOf(settlements);
    }

    public Claim(Visit visit, List<FeeLine> feeLines) {
        this(visit, feeLines, List.of());
    }
}
