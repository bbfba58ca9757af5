package org.fundguard.monitoring.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;
import org.fundguard.monitoring.knowledge.ImportReport;
import org.fundguard.monitoring.knowledge.KnowledgePoint;
import org.fundguard.monitoring.knowledge.RuleClass;
import org.fundguard.monitoring.knowledge.Scope;
import org.junit.jupiter.api.Test;

class DemoKnowledgeTest {

    private final ImportReport report = ClaimGenerator.importDemoKnowledge();

    @Test
    void importsWithoutRowErrors() {
        assertThat(report.errors()).isEmpty();
        assertThat(report.accepted()).hasSize(report.rowsRead());
    }

    @Test
    void coversEveryImplementedRuleClass() {
        Set<RuleClass> covered = report.accepted().stream().map(KnowledgePoint::ruleClass).collect(Collectors.toSet());
        assertThat(covered).containsAll(ClaimGenerator.injectable());
    }

    @Test
    void hasNationalAnhuiAndChuzhouScopes() {
        Set<String> scopes = report.accepted().stream().map(k -> k.scope().admdvs()).collect(Collectors.toSet());
        assertThat(scopes).contains(Scope.NATIONAL.admdvs(), "340000", "341100", "340600");
        assertThat(report.accepted()).anyMatch(k -> k.scope().admdvs().equals("341100") && !k.enabled());
    }

    @Test
    void usesNationalCodeShapes() {
        for (KnowledgePoint kp : report.accepted()) {
            for (String code : kp.codes()) {
                assertThat(code).matches("[XZ][A-Z0-9]{22}|00\\d{13}|C[0-9A-Z]{19}");
            }
        }
    }
}
