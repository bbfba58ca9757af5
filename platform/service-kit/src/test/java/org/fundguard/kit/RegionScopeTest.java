package org.fundguard.kit;

import org.fundguard.kit.security.RegionScope;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class RegionScopeTest {

    @ParameterizedTest(name = "{0} sees {1}: {2}")
    @CsvSource({
            // province sees everything with its 2-digit prefix
            "340000, 340000, true",
            "340000, 341100, true",
            "340000, 341102, true",
            "340000, 340600, true",
            "340000, 320100, false",
            // city sees itself and its counties
            "341100, 341100, true",
            "341100, 341102, true",
            "341100, 341199, true",
            "341100, 340600, false",
            "341100, 340000, false",
            // a pooling unit ending in 99 is city level
            "320399, 320311, true",
            "320399, 320499, false",
            // county sees only itself
            "341102, 341102, true",
            "341102, 341103, false",
            "341102, 341100, false",
            // national sees all
            "000000, 650100, true",
            // malformed scope or record codes see nothing
            "3411,   341100, false",
            "34110A, 341100, false",
            "341100, 3411,   false",
            "341100, 34110X, false"
    })
    void scopeFollowsTheAdministrativeTree(String caller, String record, boolean visible) {
        assertThat(RegionScope.of(caller).canSee(record)).isEqualTo(visible);
    }

    @ParameterizedTest
    @CsvSource({"340000, 34%", "341100, 3411%", "341102, 341102%", "000000, %"})
    void likePatternMatchesTheScope(String caller, String pattern) {
        assertThat(RegionScope.of(caller).likePattern()).isEqualTo(pattern);
    }

    @org.junit.jupiter.api.Test
    void missingRegionSeesNothing() {
        assertThat(RegionScope.of(null).seesNothing()).isTrue();
        assertThat(RegionScope.of(null).canSee("340000")).isFalse();
        assertThat(RegionScope.of("").likePattern()).isEqualTo("-");
    }
}
