package org.fundguard.monitoring.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScopeTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "'', NATIONAL, 0",
            "000000, NATIONAL, 0",
            "全国, NATIONAL, 0",
            "national, NATIONAL, 0",
            "340000, PROVINCE, 34",
            "341100, CITY, 3411",
            "430799, CITY, 4307",
    })
    void parsesNationalProvinceAndCity(String text, Scope.Level level, int key) {
        Scope s = Scope.parse(text);

        assertThat(s.level()).isEqualTo(level);
        assertThat(s.key()).isEqualTo(key);
    }

    @Test
    void refusesCountyCodesAndNonsense() {
        assertThatThrownBy(() -> Scope.parse("341102")).hasMessageContaining("县级");
        assertThatThrownBy(() -> Scope.parse("34A100")).hasMessageContaining("6 位数字");
    }

    @Test
    void coversVisitsOfItsRegionOnly() {
        Region chuzhouCounty = Region.of("341102");
        Region huaibei = Region.of("340600");
        Region zhejiang = Region.of("330100");

        assertThat(Scope.parse("341100").covers(chuzhouCounty)).isTrue();
        assertThat(Scope.parse("341100").covers(huaibei)).isFalse();
        assertThat(Scope.parse("340000").covers(huaibei)).isTrue();
        assertThat(Scope.parse("340000").covers(zhejiang)).isFalse();
        assertThat(Scope.NATIONAL.covers(Region.UNKNOWN)).isTrue();
        assertThat(Scope.parse("340000").covers(Region.of("34x100"))).isFalse();
    }
}
