package org.fundguard.monitoring.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KnowledgeBaseTest {

    private static final String CODE = "001216000010100";

    private static KnowledgePoint cap(String id, int version, String scope, String cap, String from, String to) {
        return KnowledgePoint.builder(RuleClass.ITEM_PRICE_CAP, id).version(version).scope(scope).codes(CODE)
                .priceCap(cap).effective(LocalDate.parse(from), to == null ? null : LocalDate.parse(to)).build();
    }

    private final KnowledgeBase kb = KnowledgeBase.of(List.of(
            cap("KP-N", 1, "000000", "12.50", "2025-01-01", null),
            cap("KP-AH", 1, "340000", "15.00", "2025-01-01", null),
            cap("KP-CZ", 1, "341100", "18.00", "2025-06-01", "2025-12-31")));

    @ParameterizedTest(name = "{0} on {1} → {2}")
    @CsvSource({
            // city > province > national
            "341102, 2025-07-01, KP-CZ",
            "340600, 2025-07-01, KP-AH",
            "330100, 2025-07-01, KP-N",
            // the city point's dates are inclusive; before and after them the province's applies
            "341100, 2025-05-31, KP-AH",
            "341100, 2025-06-01, KP-CZ",
            "341100, 2025-12-31, KP-CZ",
            "341100, 2026-01-01, KP-AH",
            // nothing before the national point starts
            "341100, 2024-12-31, ''",
    })
    void resolvesByRegionPrecedenceAndEffectiveDates(String admdvs, LocalDate date, String expected) {
        KnowledgePoint kp = kb.find(RuleClass.ITEM_PRICE_CAP, CODE, date, admdvs);

        assertThat(kp == null ? "" : kp.id()).isEqualTo(expected);
    }

    @Test
    void unknownRegionGetsNationalOnly() {
        assertThat(kb.find(RuleClass.ITEM_PRICE_CAP, CODE, LocalDate.of(2025, 7, 1), null).id()).isEqualTo("KP-N");
        assertThat(kb.find(RuleClass.ITEM_PRICE_CAP, CODE, LocalDate.of(2025, 7, 1), "bad").id()).isEqualTo("KP-N");
    }

    @Test
    void highestVersionInForceWinsWithinAScope() {
        KnowledgeBase versions = KnowledgeBase.of(List.of(
                cap("KP-N", 1, "000000", "12.50", "2024-01-01", null),
                cap("KP-N", 2, "000000", "13.00", "2025-03-01", null)));

        assertThat(versions.find(RuleClass.ITEM_PRICE_CAP, CODE, LocalDate.of(2025, 2, 28), "341100").version())
                .isEqualTo(1);
        assertThat(versions.find(RuleClass.ITEM_PRICE_CAP, CODE, LocalDate.of(2025, 3, 1), "341100").version())
                .isEqualTo(2);
    }

    @Test
    void aDisabledCityPointSwitchesTheRuleOffThereOnly() {
        KnowledgeBase withOff = kb.with(List.of(KnowledgePoint.builder(RuleClass.ITEM_PRICE_CAP, "KP-OFF")
                .scope("340600").codes(CODE).enabled(false).effectiveFrom(LocalDate.of(2025, 1, 1)).build()));

        assertThat(withOff.find(RuleClass.ITEM_PRICE_CAP, CODE, LocalDate.of(2025, 7, 1), "340602").enabled()).isFalse();
        assertThat(withOff.find(RuleClass.ITEM_PRICE_CAP, CODE, LocalDate.of(2025, 7, 1), "341100").enabled()).isTrue();
    }

    @Test
    void pairsAreOverriddenOnePairedCodeAtATime() {
        KnowledgePoint national = KnowledgePoint.builder(RuleClass.ITEM_DUPLICATE_CHARGE, "KP-P").codes("A")
                .pairedCodes("B", "C").build();
        KnowledgePoint cityOff = KnowledgePoint.builder(RuleClass.ITEM_DUPLICATE_CHARGE, "KP-P").scope("341100")
                .codes("A").pairedCodes("B").enabled(false).build();
        KnowledgeBase pairs = KnowledgeBase.of(List.of(national, cityOff));

        List<KnowledgePoint> inChuzhou = pairs.findAll(RuleClass.ITEM_DUPLICATE_CHARGE, "A", LocalDate.of(2025, 1, 1),
                "341100");

        assertThat(pairs.candidates(RuleClass.ITEM_DUPLICATE_CHARGE, "A")).extracting(KnowledgeCandidates::subject)
                .containsExactlyInAnyOrder("B", "C");
        assertThat(inChuzhou).extracting(KnowledgePoint::enabled).containsExactlyInAnyOrder(false, true);
    }

    @Test
    void generalPointsAreFoundWithoutACode() {
        KnowledgeBase general = KnowledgeBase.of(List.of(
                KnowledgePoint.builder(RuleClass.SPLIT_HOSPITALISATION, "KP-R").build()));

        KnowledgePoint kp = general.find(RuleClass.SPLIT_HOSPITALISATION, null, LocalDate.of(2025, 1, 1), "341100");

        assertThat(kp.windowDays()).isEqualTo(KnowledgePoint.DEFAULT_READMISSION_DAYS);
        assertThat(general.find(RuleClass.SPLIT_HOSPITALISATION, "X", LocalDate.of(2025, 1, 1), "341100")).isNull();
    }
}
