package org.fundguard.monitoring.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fundguard.monitoring.engine.ClaimBuilder.LineBuilder.line;
import static org.fundguard.monitoring.engine.ClaimBuilder.outpatient;
import static org.fundguard.monitoring.engine.ClaimBuilder.visit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.fundguard.monitoring.claim.Claim;
import org.fundguard.monitoring.knowledge.KnowledgePoint;
import org.fundguard.monitoring.knowledge.RuleClass;
import org.junit.jupiter.api.Test;

class BatchScreenerTest {

    static final String DRUG = "XL04AXZ008H008010100008";

    private final RuleEngine engine = Screening.engine(
            KnowledgePoint.builder(RuleClass.SPLIT_HOSPITALISATION, "KP-R").medTypes("2").build(),
            KnowledgePoint.builder(RuleClass.FREQUENT_OUTPATIENT, "KP-FO").medTypes("11").windowDays(7).maxCount(2)
                    .build(),
            KnowledgePoint.builder(RuleClass.DRUG_PAYMENT_COURSE, "KP-C").codes(DRUG).maxDays("10").build(),
            KnowledgePoint.builder(RuleClass.TRACE_CODE_REUSED, "KP-TR").build(),
            KnowledgePoint.builder(RuleClass.SPENDING_AFTER_DEATH, "KP-D").build(),
            KnowledgePoint.builder(RuleClass.PRACTITIONER_BARRED, "KP-B").build());

    private final DeathRegistry deaths = new InMemoryDeathRegistry().put("P3", LocalDate.of(2025, 3, 3));
    private final QualificationReplica quals = new InMemoryQualificationReplica()
            .add(new BarPeriod("D9", BarPeriod.Status.SUSPENDED, LocalDate.of(2025, 3, 1), null, null));

    private List<Claim> dataset() {
        List<Claim> claims = new ArrayList<>();
        // P1: split hospitalisation (day 5) and a payment course exceeded across the stays
        claims.add(visit("P1-1").psn("P1").stay("2025-03-01", "2025-03-05").line(line("1", DRUG).at("2025-03-01")
                .days("5")).build());
        claims.add(visit("P1-2").psn("P1").stay("2025-03-10", "2025-03-15").line(line("1", DRUG).at("2025-03-10")
                .days("5")).build());
        // P2: three outpatient visits in a week; the third is frequent
        for (int d = 1; d <= 3; d++) {
            claims.add(outpatient("P2-" + d, "2025-03-0" + d).psn("P2").build());
        }
        // P3 dies on 03-03; P4 reuses P3's box; D9 is suspended
        claims.add(outpatient("P3-1", "2025-03-02").psn("P3").line(line("1", "X").at("2025-03-02").trace("8T"))
                .build());
        claims.add(outpatient("P3-2", "2025-03-04").psn("P3").line(line("1", "X").at("2025-03-04")).build());
        claims.add(outpatient("P4-1", "2025-03-05").psn("P4").fixmedins("P34110200009")
                .line(line("1", "X").at("2025-03-05").trace("8T").dr("D9")).build());
        return claims;
    }

    @Test
    void inMemoryAnyOrderAndSortedStreamGiveTheSameHits() {
        List<Claim> shuffled = new ArrayList<>(dataset());
        Collections.shuffle(shuffled, new Random(42));
        List<Claim> sorted = new ArrayList<>(dataset());
        sorted.sort(Comparator.comparing((Claim c) -> c.visit().psnNo()).thenComparing(c -> c.visit().begntime()));
        List<Hit> all = new ArrayList<>();
        List<Hit> streamed = new ArrayList<>();

        BatchScreener.Summary a = new BatchScreener(engine).screenAll(shuffled, deaths, quals, (v, h) -> all.add(h));
        BatchScreener.Summary s = new BatchScreener(engine).screenSorted(sorted::iterator, deaths, quals, (v, h) -> streamed.add(h));

        assertThat(keys(all)).containsExactlyInAnyOrderElementsOf(keys(streamed));
        assertThat(keys(all)).containsExactlyInAnyOrder(
                "GZ10000204001000 P1-2",
                "GZ10000101010000 P1-2",
                "GZ10000204002000 P2-3",
                "FG-EXT-001 P3-2",
                "FG-EXT-002 P4-1",
                "FG-EXT-003 P4-1");
        assertThat(a.claims()).isEqualTo(8);
        assertThat(s.hits()).isEqualTo(6);
        assertThat(a.lines()).isEqualTo(s.lines()).isEqualTo(5);
    }

    @Test
    void aRepeatedTraceCodeMetFirstOnItsLaterUseHitsTheLaterUseWhenTheStreamEnds() {
        // the stream is sorted by patient, so A meets the later use of box 8A (07-09) before B's earlier one (07-02);
        // B's line carries two codes, one repeated; C repeats 8C within one visit; D's code is used once
        List<Claim> sorted = List.of(
                outpatient("A-1", "2025-07-09").psn("A").fixmedins("P34110200001")
                        .line(line("1", DRUG).at("2025-07-09 09:00").cnt("1").pric("30").trace("8A")).build(),
                outpatient("B-1", "2025-07-02").psn("B").fixmedins("P34060000002")
                        .line(line("1", DRUG).at("2025-07-02 10:00").cnt("2").pric("15").trace("8B", "8A")).build(),
                outpatient("B-2", "2025-07-20").psn("B").fixmedins("P34060000002")
                        .line(line("1", DRUG).at("2025-07-20 10:00").cnt("2").pric("15").trace("8B", "8Z")).build(),
                outpatient("C-1", "2025-07-03").psn("C")
                        .line(line("1", "X").at("2025-07-03 10:00").trace("8C"))
                        .line(line("2", "X").at("2025-07-03 10:05").trace("8C")).build(),
                outpatient("D-1", "2025-07-04").psn("D").line(line("1", "X").at("2025-07-04 10:00").trace("8D")).build());
        List<Hit> all = new ArrayList<>();
        List<Hit> streamed = new ArrayList<>();
        List<String> visitsOfHits = new ArrayList<>();

        new BatchScreener(engine).screenAll(sorted, deaths, quals, (v, h) -> all.add(h));
        int[] passes = {0};
        BatchScreener.Summary s = new BatchScreener(engine).screenSorted(() -> {
            passes[0]++;
            return sorted.iterator();
        }, deaths, quals, (v, h) -> {
            streamed.add(h);
            visitsOfHits.add(v.mdtrtId());
        });

        assertThat(passes[0]).as("the input is read once").isEqualTo(1);
        assertThat(streamed).containsExactlyInAnyOrderElementsOf(all);
        assertThat(streamed).filteredOn(h -> h.ruleClass() == RuleClass.TRACE_CODE_REUSED)
                .extracting(h -> h.mdtrtId() + "/" + String.join(",", h.feedetlSns()))
                .containsExactlyInAnyOrder("A-1/1", "B-2/1", "C-1/2");
        assertThat(visitsOfHits).as("each hit comes with its own visit").containsExactlyElementsOf(
                streamed.stream().map(Hit::mdtrtId).toList());
        assertThat(streamed).filteredOn(h -> h.mdtrtId().equals("A-1")).singleElement().satisfies(h -> {
            assertThat(h.relatedMdtrtIds()).containsExactly("B-1");
            assertThat(h.amount()).isEqualByComparingTo("30.00");
            assertThat(h.reason()).contains("药品追溯码 8A 已于 2025-07-02 在机构 P34060000002（就诊 B-1）结算");
        });
        assertThat(streamed).filteredOn(h -> h.mdtrtId().equals("B-2") && h.ruleClass() == RuleClass.TRACE_CODE_REUSED)
                .singleElement()
                .satisfies(h -> assertThat(h.amount()).as("one of two codes repeated: half the line")
                        .isEqualByComparingTo("15.00"));
        assertThat(s.hits()).isEqualTo(streamed.size());
    }

    @Test
    void anUnsortedStreamIsRefused() {
        List<Claim> claims = dataset();
        List<Claim> wrong = List.of(claims.get(1), claims.get(0));

        assertThatThrownBy(() -> new BatchScreener(engine).screenSorted(wrong::iterator, deaths, quals, (v, h) -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("P1-1");
    }

    private static List<String> keys(List<Hit> hits) {
        return hits.stream().map(h -> h.ruleCode() + " " + h.mdtrtId()).toList();
    }

    @Test
    void theHistoryOfARuleSetKeepsOnlyTheCodeUsesItsRulesRead() {
        RuleSet rules = engine.ruleSet();
        assertThat(rules.readsUsesOf(DRUG)).as("the payment course reads earlier uses").isTrue();
        assertThat(rules.readsUsesOf("X")).isFalse();
        InMemoryPatientHistory history = rules.newHistory();
        dataset().forEach(history::record);
        assertThat(history.uses("P1", DRUG)).hasSize(2);
        assertThat(history.uses("P3", "X")).isEmpty();
        assertThat(history.visits("P3")).hasSize(2);

        InMemoryPatientHistory visitsOnly = Screening.engine(
                KnowledgePoint.builder(RuleClass.SPLIT_HOSPITALISATION, "KP-R").medTypes("2").build()).ruleSet().newHistory();
        dataset().forEach(visitsOnly::record);
        assertThat(visitsOnly.uses("P1", DRUG)).isEmpty();
        assertThat(visitsOnly.visits("P1")).hasSize(2);
        // a history for every rule keeps every code
        InMemoryPatientHistory all = new InMemoryPatientHistory();
        dataset().forEach(all::record);
        assertThat(all.uses("P3", "X")).hasSize(2);
    }
}
