package org.fundguard.monitoring;

import org.fundguard.kit.security.Caller;
import org.fundguard.monitoring.knowledge.Scope;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class KnowledgeAuthorityTest {

    static Caller caller(String role, String region) {
        return new Caller("s", "u", Set.of(role), region, null, null);
    }

    @ParameterizedTest(name = "{0} of {1} manages {2}: {3}")
    @CsvSource({
            "rule-manager, 340000, 340000, true",
            "rule-manager, 340000, 341100, true",
            "rule-manager, 340000, 000000, false",
            "rule-manager, 341100, 341100, true",
            "rule-manager, 341100, 340000, false",
            "rule-manager, 341100, 340600, false",
            "rule-manager, 000000, 000000, true",
            "rule-manager, 000000, 440000, true",
            "admin,        340000, 340000, false",
            "admin,        000000, 000000, false",
            "auditor,      340000, 341100, false",
    })
    void managesOnlyScopesWithinTheRegion(String role, String region, String scope, boolean expected) {
        assertThat(KnowledgeAuthority.canManage(caller(role, region), Scope.parse(scope))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} reads {1}: {2}")
    @CsvSource({
            "341100, 000000, true",
            "341100, 340000, true",
            "341100, 341100, true",
            "341100, 340600, false",
            "341102, 341100, true",
            "340000, 340600, true",
            "340000, 440000, false",
    })
    void readsWhatAppliesInTheRegionAndBelow(String region, String scope, boolean expected) {
        assertThat(KnowledgeAuthority.canRead(caller("rule-manager", region), Scope.parse(scope))).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void aTokenWithoutRegionReadsNothing() {
        assertThat(KnowledgeAuthority.canRead(caller("rule-manager", null), Scope.NATIONAL)).isFalse();
    }
}
