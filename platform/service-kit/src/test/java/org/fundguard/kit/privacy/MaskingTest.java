package org.fundguard.kit.privacy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MaskingTest {

    @Test
    void identityNumberShowsRegionAndLastFour() {
        assertThat(Masking.identityNumber("34060219900307123X")).isEqualTo("340602********123X");
        assertThat(Masking.identityNumber("11010519491231002X")).isEqualTo("110105********002X");
    }

    @Test
    void mobilePhoneShowsFirstThreeAndLastFour() {
        assertThat(Masking.phone("13812345678")).isEqualTo("138****5678");
    }

    @Test
    void nameShowsOnlyTheSurname() {
        assertThat(Masking.name("张三")).isEqualTo("张*");
        assertThat(Masking.name("王小明")).isEqualTo("王**");
        assertThat(Masking.name("欧阳娜娜")).isEqualTo("欧阳**");
        assertThat(Masking.name("欧阳修")).isEqualTo("欧阳*");
        assertThat(Masking.name("诸葛亮")).isEqualTo("诸葛*");
    }

    @Test
    void rareCharactersOutsideTheBasicPlaneAreNotSplit() {
        // 𠮷 (U+20BB7) is one character but two UTF-16 units
        assertThat(Masking.name("𠮷田")).isEqualTo("𠮷*");
        assertThat(Masking.name("张𠮷")).isEqualTo("张*");
    }

    @Test
    void valuesTooShortToMaskAreMaskedEntirely() {
        assertThat(Masking.identityNumber("1234567890")).isEqualTo("**********");
        assertThat(Masking.phone("110")).isEqualTo("***");
        assertThat(Masking.name("张")).isEqualTo("*");
        assertThat(Masking.name("")).isEmpty();
        assertThat(Masking.phone(null)).isNull();
    }

    @Test
    void personNumberShowsOnlyItsLastFourCharacters() {
        org.assertj.core.api.Assertions.assertThat(Masking.personNumber("43000020100030375675")).isEqualTo("****************5675");
        org.assertj.core.api.Assertions.assertThat(Masking.personNumber("5675")).isEqualTo("****");
        org.assertj.core.api.Assertions.assertThat(Masking.personNumber(null)).isNull();
    }
}
