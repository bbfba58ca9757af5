package org.fundguard.kit.decision;

import org.fundguard.kit.problem.Problem;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether one handling decision is heavier than another (行政处罚法 art. 44–45: a final decision may not be heavier than
 * the draft the party was heard on). The ordering, field by field; a decision is heavier when any one of these is:
 * <ol>
 * <li>{@code decisionType}: an administrative penalty is heavier than agreement handling;</li>
 * <li>{@code conduct}: fraud is heavier than misuse;</li>
 * <li>{@code legalBasis.article}: an article whose fine range has a higher upper bound (agreement clause 0 &lt; art. 38
 * 2× &lt; art. 40 = art. 41 5×);</li>
 * <li>{@code fineMultiple}: a higher multiple (none = 0);</li>
 * <li>{@code agreementActions[i]}: an action the lighter decision has nothing as heavy as — an action ranks by
 * {@link DecisionRequest.AgreementAction.Action}'s order (interview &lt; warning &lt; suspending a department &lt;
 * suspending settlement &lt; terminating the agreement), the same action by its months (none = 0).</li>
 * </ol>
 * Violation types, the persons involved and the recovered amount are not part of the ordering.
 */
public final class DecisionSeverity {

    private DecisionSeverity() {
    }

    /**
     * The fields in which {@code candidate} is heavier than {@code heard}, each named after {@code prefix} as the
     * candidate's body names it, with the reason; empty when it is as heavy or lighter in every one.
     */
    public static List<Problem.FieldError> heavier(DecisionRequest candidate, DecisionRequest heard, String prefix) {
        List<Problem.FieldError> out = new ArrayList<>();
        if (candidate.decisionType() == DecisionRequest.DecisionType.ADMINISTRATIVE_PENALTY
                && heard.decisionType() == DecisionRequest.DecisionType.AGREEMENT_HANDLING) {
            out.add(new Problem.FieldError(prefix + "decisionType", "an administrative penalty is heavier than the agreement handling heard"));
        }
        if (candidate.conduct() == DecisionRequest.Conduct.FRAUD && heard.conduct() == DecisionRequest.Conduct.MISUSE) {
            out.add(new Problem.FieldError(prefix + "conduct", "fraud is heavier than the misuse heard"));
        }
        DecisionRequest.LegalBasis.Article a = candidate.legalBasis().article();
        DecisionRequest.LegalBasis.Article b = heard.legalBasis().article();
        if (a.maximumFine().compareTo(b.maximumFine()) > 0) {
            out.add(new Problem.FieldError(prefix + "legalBasis.article", a + " has a higher fine range (up to "
                    + a.maximumFine().toPlainString() + "×) than the " + b + " heard (up to " + b.maximumFine().toPlainString() + "×)"));
        }
        if (candidate.fine().compareTo(heard.fine()) > 0) {
            out.add(new Problem.FieldError(prefix + "fineMultiple", "a fine of " + candidate.fine().toPlainString()
                    + "× is heavier than the " + heard.fine().toPlainString() + "× heard"));
        }
        List<DecisionRequest.AgreementAction> actions = candidate.actions();
        for (int i = 0; i < actions.size(); i++) {
            DecisionRequest.AgreementAction x = actions.get(i);
            if (heard.actions().stream().noneMatch(h -> asHeavy(h, x))) {
                out.add(new Problem.FieldError(prefix + "agreementActions[" + i + "]", x.action()
                        + (x.months() == null ? "" : " for " + x.months() + " months") + " is heavier than any agreement action heard"));
            }
        }
        return out;
    }

    /** True when {@code heard} is at least as heavy as {@code action}. */
    static boolean asHeavy(DecisionRequest.AgreementAction heard, DecisionRequest.AgreementAction action) {
        int c = heard.action().compareTo(action.action());
        return c > 0 || c == 0 && months(heard) >= months(action);
    }

    private static int months(DecisionRequest.AgreementAction a) {
        return a.months() == null ? 0 : a.months();
    }
}
