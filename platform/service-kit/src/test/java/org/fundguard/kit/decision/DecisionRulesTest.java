package org.fundguard.kit.decision;

import org.fundguard.kit.problem.DomainException;
import org.fundguard.kit.problem.Problem;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fundguard.kit.decision.DecisionRequest.AgreementAction.Action.INTERVIEW;
import static org.fundguard.kit.decision.DecisionRequest.AgreementAction.Action.SUSPEND_DEPARTMENT;
import static org.fundguard.kit.decision.DecisionRequest.AgreementAction.Action.TERMINATE_AGREEMENT;
import static org.fundguard.kit.decision.DecisionRequest.AgreementAction.Action.WARNING;
import static org.fundguard.kit.decision.DecisionRequest.Conduct.FRAUD;
import static org.fundguard.kit.decision.DecisionRequest.Conduct.MISUSE;
import static org.fundguard.kit.decision.DecisionRequest.DecisionType.ADMINISTRATIVE_PENALTY;
import static org.fundguard.kit.decision.DecisionRequest.DecisionType.AGREEMENT_HANDLING;
import static org.fundguard.kit.decision.DecisionRequest.LegalBasis.Article.AGREEMENT_CLAUSE;
import static org.fundguard.kit.decision.DecisionRequest.LegalBasis.Article.REGULATION_ART_38;
import static org.fundguard.kit.decision.DecisionRequest.LegalBasis.Article.REGULATION_ART_40;

/** The draft's fields checked against each other, and the ordering of "heavier" (行政处罚法 art. 44–45). */
class DecisionRulesTest {

    static DecisionRequest decision(DecisionRequest.DecisionType type, DecisionRequest.LegalBasis.Article article,
                                    DecisionRequest.Conduct conduct, String fine, DecisionRequest.AgreementAction... actions) {
        return new DecisionRequest(type, new DecisionRequest.LegalBasis(article, null), conduct, List.of("挂床住院"), fine,
                List.of(actions), false, null);
    }

    static DecisionRequest.AgreementAction action(DecisionRequest.AgreementAction.Action a, Integer months) {
        return new DecisionRequest.AgreementAction(a, a == SUSPEND_DEPARTMENT ? "妇科" : null, months);
    }

    static List<String> refused(DecisionRequest d) {
        try {
            d.checkConsistent("decision.");
            return List.of();
        } catch (DomainException e) {
            assertThat(e.status()).isEqualTo(400);
            return e.errors().stream().map(Problem.FieldError::field).toList();
        }
    }

    @Test
    void consistentDecisionsPass() {
        assertThat(refused(decision(ADMINISTRATIVE_PENALTY, REGULATION_ART_38, MISUSE, "1.5"))).isEmpty();
        assertThat(refused(decision(ADMINISTRATIVE_PENALTY, REGULATION_ART_40, FRAUD, "3", action(SUSPEND_DEPARTMENT, 6)))).isEmpty();
        assertThat(refused(decision(AGREEMENT_HANDLING, AGREEMENT_CLAUSE, MISUSE, null, action(WARNING, null)))).isEmpty();
        assertThat(refused(decision(AGREEMENT_HANDLING, AGREEMENT_CLAUSE, FRAUD, "0", action(TERMINATE_AGREEMENT, null)))).isEmpty();
    }

    @Test
    void theArticleMustFitTheConductAndTheDecisionType() {
        assertThat(refused(decision(ADMINISTRATIVE_PENALTY, REGULATION_ART_38, FRAUD, "1"))).containsExactly("decision.conduct");
        assertThat(refused(decision(ADMINISTRATIVE_PENALTY, REGULATION_ART_40, MISUSE, "2"))).containsExactly("decision.conduct");
        assertThat(refused(decision(ADMINISTRATIVE_PENALTY, AGREEMENT_CLAUSE, MISUSE, null))).containsExactly("decision.legalBasis.article");
        assertThat(refused(decision(AGREEMENT_HANDLING, REGULATION_ART_38, MISUSE, null))).containsExactly("decision.legalBasis.article");
    }

    @Test
    void agreementHandlingCarriesNoFineAndAFineStaysInItsArticlesRange() {
        // every inconsistent field is named at once
        assertThat(refused(decision(AGREEMENT_HANDLING, REGULATION_ART_38, MISUSE, "1.5")))
                .containsExactlyInAnyOrder("decision.legalBasis.article", "decision.fineMultiple");
        assertThat(refused(decision(AGREEMENT_HANDLING, AGREEMENT_CLAUSE, MISUSE, "1"))).containsExactly("decision.fineMultiple");
        assertThat(refused(decision(ADMINISTRATIVE_PENALTY, REGULATION_ART_38, MISUSE, "3"))).containsExactly("decision.fineMultiple");
        assertThat(refused(decision(ADMINISTRATIVE_PENALTY, REGULATION_ART_40, FRAUD, "1.5", action(SUSPEND_DEPARTMENT, 3))))
                .containsExactlyInAnyOrder("decision.fineMultiple", "decision.agreementActions[0].months");
    }

    @Test
    void theLegalRangesAloneKeepTheirSingleFieldAndItsPrefix() {
        assertThatThrownBy(() -> decision(ADMINISTRATIVE_PENALTY, REGULATION_ART_38, MISUSE, "3").checkLegalRanges())
                .isInstanceOf(DomainException.InvalidField.class).hasMessageStartingWith("fineMultiple: under art. 38");
        assertThatThrownBy(() -> decision(ADMINISTRATIVE_PENALTY, REGULATION_ART_38, MISUSE, "3").checkLegalRanges("revised.decision."))
                .hasMessageStartingWith("revised.decision.fineMultiple:");
    }

    static List<String> heavier(DecisionRequest candidate, DecisionRequest heard) {
        return DecisionSeverity.heavier(candidate, heard, "").stream().map(Problem.FieldError::field).toList();
    }

    @Test
    void aHigherFineMultipleIsHeavier() {
        DecisionRequest heard = decision(ADMINISTRATIVE_PENALTY, REGULATION_ART_38, MISUSE, "1.5");
        assertThat(heavier(decision(ADMINISTRATIVE_PENALTY, REGULATION_ART_38, MISUSE, "2"), heard)).containsExactly("fineMultiple");
        assertThat(heavier(decision(ADMINISTRATIVE_PENALTY, REGULATION_ART_38, MISUSE, "1.5"), heard)).isEmpty();
        assertThat(heavier(decision(ADMINISTRATIVE_PENALTY, REGULATION_ART_38, MISUSE, "1"), heard)).isEmpty();
    }

    @Test
    void anArticleWithAHigherRangeIsHeavierEvenAtTheSameMultiple() {
        DecisionRequest heard = decision(ADMINISTRATIVE_PENALTY, REGULATION_ART_38, MISUSE, "2");
        assertThat(heavier(decision(ADMINISTRATIVE_PENALTY, REGULATION_ART_40, FRAUD, "2"), heard))
                .containsExactly("conduct", "legalBasis.article");
        // and back to the lighter article is lighter
        assertThat(heavier(heard, decision(ADMINISTRATIVE_PENALTY, REGULATION_ART_40, FRAUD, "2"))).isEmpty();
    }

    @Test
    void aPenaltyIsHeavierThanAgreementHandling() {
        DecisionRequest heard = decision(AGREEMENT_HANDLING, AGREEMENT_CLAUSE, MISUSE, null, action(WARNING, null));
        assertThat(heavier(decision(ADMINISTRATIVE_PENALTY, REGULATION_ART_38, MISUSE, "1", action(WARNING, null)), heard))
                .containsExactly("decisionType", "legalBasis.article", "fineMultiple");
    }

    @Test
    void agreementActionsAreOrderedBySeverityAndMonths() {
        DecisionRequest heard = decision(AGREEMENT_HANDLING, AGREEMENT_CLAUSE, MISUSE, null, action(SUSPEND_DEPARTMENT, 6));
        // lighter action, or the same for fewer months: not heavier
        assertThat(heavier(decision(AGREEMENT_HANDLING, AGREEMENT_CLAUSE, MISUSE, null, action(WARNING, null), action(INTERVIEW, null)), heard)).isEmpty();
        assertThat(heavier(decision(AGREEMENT_HANDLING, AGREEMENT_CLAUSE, MISUSE, null, action(SUSPEND_DEPARTMENT, 6)), heard)).isEmpty();
        assertThat(heavier(decision(AGREEMENT_HANDLING, AGREEMENT_CLAUSE, MISUSE, null), heard)).isEmpty();
        // longer, or a heavier action: heavier, naming the action
        assertThat(heavier(decision(AGREEMENT_HANDLING, AGREEMENT_CLAUSE, MISUSE, null, action(SUSPEND_DEPARTMENT, 9)), heard))
                .containsExactly("agreementActions[0]");
        assertThat(heavier(decision(AGREEMENT_HANDLING, AGREEMENT_CLAUSE, MISUSE, null, action(WARNING, null),
                action(TERMINATE_AGREEMENT, null)), heard)).containsExactly("agreementActions[1]");
        // a warning added where none was heard is heavier too
        assertThat(heavier(decision(AGREEMENT_HANDLING, AGREEMENT_CLAUSE, MISUSE, null, action(WARNING, null)),
                decision(AGREEMENT_HANDLING, AGREEMENT_CLAUSE, MISUSE, null))).containsExactly("agreementActions[0]");
    }
}
