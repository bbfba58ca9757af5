package org.fundguard.monitoring.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fundguard.monitoring.engine.ClaimBuilder.LineBuilder.line;
import static org.fundguard.monitoring.engine.ClaimBuilder.outpatient;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.LocalDate;
import java.util.List;
import org.fundguard.kit.qualification.EmergencyVisits;
import org.fundguard.monitoring.RuleSetHolder;
import org.fundguard.monitoring.claim.Claim;
import org.fundguard.monitoring.knowledge.KnowledgeBase;
import org.fundguard.monitoring.knowledge.KnowledgePoint;
import org.fundguard.monitoring.knowledge.RuleClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The barred-practitioner rule exempts the service kit's emergency list ({@link EmergencyVisits}, key
 * {@code fundguard.emergency.med-types}), the one qualification-service's look-up reads, besides the knowledge point's
 * own {@code exempt_med_types}: here a knowledge point with no exemptions of its own.
 */
class SharedEmergencyListTest {

    private static final String DRUG = "XA10BAZ006F006010100006";
    private static final String DOCTOR = "D341102000009";

    /** The list as the kit ships it: the kit's META-INF/microprofile-config.properties, nothing of this service's. */
    private static final EmergencyVisits KIT = kitConfig().getConfigMapping(EmergencyVisits.class);

    private final KnowledgePoint barred = KnowledgePoint.builder(RuleClass.PRACTITIONER_BARRED, "KP-BAR-NO-EXEMPT").build();
    private final CrossClaimContext replica = CrossClaimContext.none().withQualifications(new InMemoryQualificationReplica()
            .add(new BarPeriod(DOCTOR, BarPeriod.Status.SUSPENDED, LocalDate.of(2025, 3, 1), LocalDate.of(2025, 6, 30), null)));

    private static SmallRyeConfig kitConfig() {
        return new SmallRyeConfigBuilder().addDefaultSources().withMapping(EmergencyVisits.class).build();
    }

    @Test
    void theKitListsEmergencyAndEmergencyAdmission() {
        assertThat(KIT.medTypes()).containsExactly("13", "24");
    }

    @Test
    void theRuleSetsChecksUseIsCompiledWithTheKitList() {
        RuleSetHolder holder = new RuleSetHolder(new ObjectMapper(), KIT);

        assertThat(holder.current().rules().emergencyMedTypes()).isEqualTo(KIT.medTypes());
        assertThat(holder.compile(1, List.of()).rules().emergencyMedTypes()).isEqualTo(KIT.medTypes());
    }

    @ParameterizedTest(name = "med_type {0} → {1} hits with the kit list")
    @CsvSource({"13, 0", "1301, 0", "24, 0", "11, 1", "21, 1"})
    void visitsOnTheKitListStayPayable(String medType, int hits) {
        Claim claim = outpatient("M1", "2025-03-15").medType(medType)
                .line(line("1", DRUG).at("2025-03-15").dr(DOCTOR).er("0")).build();
        RuleEngine engine = new RuleEngine(RuleSet.allImplemented("t", KnowledgeBase.of(List.of(barred)))
                .withEmergencyMedTypes(KIT.medTypes()));

        assertThat(engine.evaluate(claim, replica)).hasSize(hits);
    }

    @Test
    void withoutTheKitListAnEmergencyVisitUnderAPointWithoutExemptionsHits() {
        Claim claim = outpatient("M1", "2025-03-15").medType("13")
                .line(line("1", DRUG).at("2025-03-15").dr(DOCTOR).er("0")).build();

        assertThat(Screening.screen(claim, replica, barred)).hasSize(1);
    }
}
