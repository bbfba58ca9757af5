package org.fundguard.monitoring.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RuleClassTest {

    @Test
    void holdsThe88CatalogueClassesWithUniqueCodesPlusThreeOwnChecks() {
        long catalogue = Arrays.stream(RuleClass.values()).filter(rc -> rc.seq() > 0).count();
        Set<Integer> seqs = Arrays.stream(RuleClass.values()).filter(rc -> rc.seq() > 0).map(RuleClass::seq)
                .collect(Collectors.toSet());
        Set<String> codes = Arrays.stream(RuleClass.values()).map(RuleClass::code).collect(Collectors.toSet());

        assertThat(catalogue).isEqualTo(88);
        assertThat(seqs).hasSize(88).contains(1, 88);
        assertThat(codes).hasSize(RuleClass.values().length);
        assertThat(RuleClass.values()).hasSize(91);
    }

    @Test
    void findsByCodeOrCatalogueName() {
        assertThat(RuleClass.fromCodeOrName("GZ10000301004000")).isEqualTo(RuleClass.DRUG_SEX);
        assertThat(RuleClass.fromCodeOrName("药品区分性别使用")).isEqualTo(RuleClass.DRUG_SEX);
        assertThat(RuleClass.fromCodeOrName(" GZ10000204001000 ")).isEqualTo(RuleClass.SPLIT_HOSPITALISATION);
        assertThat(RuleClass.fromCodeOrName("FG-2025-013")).isEqualTo(RuleClass.DRUG_VISIT_TYPE);
        assertThat(RuleClass.fromCodeOrName("GZ99999999999999")).isNull();
    }

    @Test
    void policyClassesAreDefiniteOthersSuspect() {
        assertThat(RuleClass.ITEM_PRICE_CAP.resultType()).isEqualTo(ResultType.DEFINITE);
        assertThat(RuleClass.ITEM_PRICE_CAP.defaultSevDeg()).isEqualTo(1);
        assertThat(RuleClass.DRUG_SEX.resultType()).isEqualTo(ResultType.SUSPECT);
        assertThat(RuleClass.SPLIT_HOSPITALISATION.resultType()).isEqualTo(ResultType.SUSPECT);
        assertThat(RuleClass.SPLIT_HOSPITALISATION.defaultSevDeg()).isEqualTo(2);
        assertThat(RuleClass.PRACTITIONER_BARRED.resultType()).isEqualTo(ResultType.DEFINITE);
        for (RuleClass rc : RuleClass.values()) {
            if (rc.category().equals("政策类")) {
                assertThat(rc.resultType()).as(rc.ruleName()).isEqualTo(ResultType.DEFINITE);
            }
        }
    }

    @Test
    void rule9CarriesItsFramework10CodeAndNew2025RulesAreMarkedNotNational() {
        assertThat(RuleClass.DRUG_MAX_SUPPLY.code()).isEqualTo("GZ10000101009000");
        assertThat(RuleClass.DRUG_MAX_SUPPLY.nationalCode()).isTrue();
        assertThat(RuleClass.DRUG_VISIT_TYPE.nationalCode()).isFalse();
        assertThat(RuleClass.DRUG_VISIT_TYPE.code()).isEqualTo("FG-2025-013");
    }

    @Test
    void everyRuleTheDomainRequiresFirstHasAnEvaluator() {
        Set<RuleKind> required = EnumSet.of(RuleKind.SEX, RuleKind.AGE, RuleKind.INSTITUTION_LEVEL,
                RuleKind.VISIT_TYPE, RuleKind.INSURANCE_TYPE, RuleKind.PRICE_CAP, RuleKind.PAIR, RuleKind.FREQUENCY,
                RuleKind.MAX_SUPPLY, RuleKind.PAYMENT_COURSE, RuleKind.INDICATION, RuleKind.FEE_DATE,
                RuleKind.READMISSION, RuleKind.FREQUENT_VISITS, RuleKind.AFTER_DEATH, RuleKind.TRACE_CODE_REUSED,
                RuleKind.PRACTITIONER_BARRED);
        Set<RuleKind> covered = Arrays.stream(RuleClass.values()).map(RuleClass::kind).collect(Collectors.toSet());

        assertThat(covered).containsAll(required);
    }
}
