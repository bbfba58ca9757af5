package org.fundguard.report.identity;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResidentIdTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    @Test
    void standardExampleHasCheckCharacterX() {
        // 1·7 + 1·9 + 0·10 + 1·5 + 0·8 + 5·4 + 1·2 + 9·1 + 4·6 + 9·3 + 1·7 + 2·9 + 3·10 + 1·5 + 0·8 + 0·4 + 2·2 = 167
        int[] digits = {1, 1, 0, 1, 0, 5, 1, 9, 4, 9, 1, 2, 3, 1, 0, 0, 2};
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += digits[i] * weights[i];
        }
        assertThat(sum).isEqualTo(167);
        assertThat(sum % 11).isEqualTo(2);
        assertThat("10X98765432".charAt(2)).isEqualTo('X');

        assertThat(ResidentId.checkCharacter("11010519491231002")).isEqualTo('X');
        assertThat(ResidentId.validate("11010519491231002X", TODAY)).isEmpty();
    }

    @Test
    void acceptsValidNumbersComputedByHand() {
        assertThat(ResidentId.validate("34060219900307123X", TODAY)).isEmpty();   // 淮北 相山区, 1990-03-07
        assertThat(ResidentId.validate("340602200002290014", TODAY)).isEmpty();   // leap day 2000-02-29
        assertThat(ResidentId.validate("341102198506154327", TODAY)).isEmpty();   // 滁州 琅琊区
        assertThat(ResidentId.isValid("11010519491231002X", TODAY)).isTrue();
    }

    @Test
    void acceptsLowercaseXAndNormalisesIt() {
        assertThat(ResidentId.validate("11010519491231002x", TODAY)).isEmpty();
        assertThat(ResidentId.normalise("11010519491231002x")).isEqualTo("11010519491231002X");
    }

    @Test
    void rejectsAWrongCheckCharacter() {
        assertThat(ResidentId.validate("110105194912310021", TODAY))
                .containsExactly("check character does not match the first 17 digits");
        assertThat(ResidentId.validate("340602199003071230", TODAY)).hasSize(1);
    }

    @Test
    void rejectsFebruaryThirtieth() {
        // check character 2 is right for these 17 digits, so the date is the only problem
        assertThat(ResidentId.checkCharacter("34060219900230123")).isEqualTo('2');
        assertThat(ResidentId.validate("340602199002301232", TODAY))
                .containsExactly("birth date (characters 7–14) is not a valid date");
    }

    @Test
    void rejectsABirthDateInTheFuture() {
        assertThat(ResidentId.validate("340602209912311233", TODAY)).containsExactly("birth date is in the future");
    }

    @Test
    void rejectsABirthDateBefore1900() {
        // the other example of GB 11643-1999, born 1880: a correct check character but too old to be real here
        assertThat(ResidentId.validate("440524188001010014", TODAY)).containsExactly("birth date is before 1900");
    }

    @Test
    void rejectsRegionCodeZero() {
        assertThat(ResidentId.validate("000000199003071236", TODAY)).containsExactly("region code 000000 is not valid");
    }

    @Test
    void rejectsAWrongLength() {
        assertThat(ResidentId.validate("11010519491231002", TODAY))
                .containsExactly("identity number must have 18 characters, has 17");
        assertThat(ResidentId.validate("110105194912310021X", TODAY)).hasSize(1);
        // the old 15-digit numbers are not accepted
        assertThat(ResidentId.isValid("110105491231002", TODAY)).isFalse();
        assertThat(ResidentId.validate(null, TODAY)).containsExactly("identity number is missing");
        assertThat(ResidentId.validate("", TODAY)).containsExactly("identity number is missing");
    }

    @Test
    void rejectsLetters() {
        assertThat(ResidentId.validate("11010519491231A02X", TODAY))
                .containsExactly("the first 17 characters must be digits");
        assertThat(ResidentId.validate("11010519491231002Y", TODAY))
                .containsExactly("the last character must be a digit or X");
        // full-width digits look like digits but are not
        assertThat(ResidentId.isValid("１１０１０５１９４９１２３１００２Ｘ", TODAY)).isFalse();
    }

    @Test
    void problemMessagesDoNotRepeatTheNumber() {
        assertThat(ResidentId.validate("340602209912311230", TODAY)).noneMatch(p -> p.contains("3406022099"));
    }

    @Test
    void checkCharacterNeedsSeventeenDigits() {
        assertThatThrownBy(() -> ResidentId.checkCharacter("1234")).isInstanceOf(IllegalArgumentException.class);
    }
}
