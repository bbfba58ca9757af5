package org.fundguard.kit.security;

import org.fundguard.kit.problem.DomainException;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SeparationOfDutiesTest {

    private static final String RULE = "the officer who verified a report may not approve its reward";
    private static final Caller APPROVER = new Caller("3f1c7a2e-subject", "wang.fang", Set.of(Roles.REWARD_APPROVER),
            "341100", null, null);

    @Test
    void theSamePersonIsRefusedWithTheRuleAndWithoutTheirIdentity() {
        assertThatThrownBy(() -> SeparationOfDuties.requireDifferentPerson(APPROVER, "3f1c7a2e-subject", RULE))
                .isInstanceOfSatisfying(DomainException.AccessDenied.class, e -> {
                    org.assertj.core.api.Assertions.assertThat(e.status()).isEqualTo(403);
                    org.assertj.core.api.Assertions.assertThat(e.getMessage())
                            .isEqualTo("Separation of duties: the officer who verified a report may not approve its reward.")
                            .doesNotContain("3f1c7a2e").doesNotContain("wang.fang");
                });
    }

    @Test
    void anotherPersonPasses() {
        assertThatCode(() -> SeparationOfDuties.requireDifferentPerson(APPROVER, "9b2d-another-subject", RULE))
                .doesNotThrowAnyException();
    }

    @Test
    void noEarlierStepPasses() {
        assertThatCode(() -> SeparationOfDuties.requireDifferentPerson(APPROVER, null, RULE)).doesNotThrowAnyException();
    }

    @Test
    void aRuleMustBeNamed() {
        assertThatThrownBy(() -> SeparationOfDuties.requireDifferentPerson(APPROVER, "x", " "))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
