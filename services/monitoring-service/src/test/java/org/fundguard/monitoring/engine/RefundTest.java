package org.fundguard.monitoring.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fundguard.monitoring.engine.ClaimBuilder.LineBuilder.item;
import static org.fundguard.monitoring.engine.ClaimBuilder.LineBuilder.line;
import static org.fundguard.monitoring.engine.ClaimBuilder.visit;
import static org.fundguard.monitoring.engine.Screening.screen;

import java.util.List;
import org.fundguard.monitoring.knowledge.FrequencyUnit;
import org.fundguard.monitoring.knowledge.KnowledgePoint;
import org.fundguard.monitoring.knowledge.RuleClass;
import org.junit.jupiter.api.Test;

class RefundTest {

    static final String DRUG = "XG03CAZ001A001010100001";
    static final String A = "001101000010000";
    static final String B = "001102000010000";

    private final KnowledgePoint femaleOnly = KnowledgePoint.builder(RuleClass.DRUG_SEX, "KP-SEX").codes(DRUG)
            .gend("2").build();
    private final KnowledgePoint cap = KnowledgePoint.builder(RuleClass.ITEM_PRICE_CAP, "KP-CAP").codes(A)
            .priceCap("12.50").build();

    @Test
    void aRefundLineNeverHitsAndAFullyRefundedLineNoLonger() {
        var claim = visit("M1").gend("1").line(line("1", DRUG).cnt("2"))
                .line(line("2", DRUG).refundOf("1", "2").at("2025-03-03")).build();

        assertThat(screen(claim, femaleOnly)).isEmpty();
    }

    @Test
    void aPartialRefundLowersTheAmountAtIssue() {
        var claim = visit("M1").line(item("1", A).pric("13.50").cnt("3"))
                .line(item("2", A).pric("13.50").refundOf("1", "1").at("2025-03-03")).build();

        assertThat(screen(claim, cap)).singleElement().satisfies(h -> {
            assertThat(h.feedetlSns()).containsExactly("1");
            assertThat(h.amount()).isEqualByComparingTo("2.00");
        });
    }

    @Test
    void aRefundWithoutTheOriginalSerialOffsetsTheLatestLineOfTheSameCode() {
        var claim = visit("M1").gend("1").line(line("1", DRUG).at("2025-03-02")).line(line("2", DRUG).at("2025-03-04"))
                .line(line("3", DRUG).cnt("-1").at("2025-03-05")).build();

        assertThat(screen(claim, femaleOnly)).extracting(Hit::feedetlSns).containsExactly(List.of("1"));
    }

    @Test
    void linesOfARefundSettlementOffsetWithAbsoluteValues() {
        // warehouse refund rows: refd_setl_flag = 1, quantity and amount possibly both signed either way
        var claim = visit("M1").gend("1").line(line("1", DRUG))
                .line(line("2", DRUG).refd("1").cnt("1").sum("-10.00").at("2025-03-03")).build();

        assertThat(screen(claim, femaleOnly)).isEmpty();
    }

    @Test
    void aRefundedPairedItemIsNoDuplicateCharge() {
        KnowledgePoint pair = KnowledgePoint.builder(RuleClass.ITEM_DUPLICATE_CHARGE, "KP-P").codes(A).pairedCodes(B)
                .build();
        var refunded = visit("M1").line(item("1", A)).line(item("2", B)).line(item("3", B).refundOf("2", "1")).build();
        var kept = visit("M1").line(item("1", A)).line(item("2", B)).build();

        assertThat(screen(refunded, pair)).isEmpty();
        assertThat(screen(kept, pair)).hasSize(1);
    }

    @Test
    void aRefundedRepeatChargeIsNoFrequencyExcess() {
        KnowledgePoint oncePerDay = KnowledgePoint.builder(RuleClass.ITEM_FREQUENCY, "KP-F").codes(A)
                .frequency("1", FrequencyUnit.DAY, 1).build();
        var claim = visit("M1").line(item("1", A).at("2025-03-02 08:00")).line(item("2", A).at("2025-03-02 09:00"))
                .line(item("3", A).refundOf("2", "1").at("2025-03-02 12:00")).build();

        assertThat(screen(claim, oncePerDay)).isEmpty();
    }

    @Test
    void refundedUsesDoNotStartAPaymentCourse() {
        KnowledgePoint course = KnowledgePoint.builder(RuleClass.DRUG_PAYMENT_COURSE, "KP-C").codes(DRUG).maxDays("14")
                .build();
        var refunded = ClaimBuilder.outpatient("V1", "2025-03-01").line(line("1", DRUG).at("2025-03-01"))
                .line(line("2", DRUG).refundOf("1", "1").at("2025-03-01 11:00")).build();
        var later = ClaimBuilder.outpatient("V2", "2025-03-20").line(line("1", DRUG).at("2025-03-20")).build();

        assertThat(Screening.screenWithHistory(later, List.of(refunded), course)).isEmpty();
    }
}
