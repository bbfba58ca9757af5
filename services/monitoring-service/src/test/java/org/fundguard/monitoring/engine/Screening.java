package org.fundguard.monitoring.engine;

import java.util.List;
import org.fundguard.monitoring.claim.Claim;
import org.fundguard.monitoring.knowledge.KnowledgeBase;
import org.fundguard.monitoring.knowledge.KnowledgePoint;

/** Test helper: screen claims against a few knowledge points with every implemented rule class on. */
final class Screening {

    private Screening() {
    }

    static RuleEngine engine(KnowledgePoint... points) {
        return new RuleEngine(RuleSet.allImplemented("test", KnowledgeBase.of(List.of(points))));
    }

    static List<Hit> screen(Claim claim, KnowledgePoint... points) {
        return engine(points).evaluate(claim, CrossClaimContext.none());
    }

    static List<Hit> screen(Claim claim, CrossClaimContext ctx, KnowledgePoint... points) {
        return engine(points).evaluate(claim, ctx);
    }

    /** Screens {@code claim} with a history holding {@code earlier} (and the claim itself, as batch screening does). */
    static List<Hit> screenWithHistory(Claim claim, List<Claim> earlier, KnowledgePoint... points) {
        InMemoryPatientHistory history = new InMemoryPatientHistory();
        earlier.forEach(history::record);
        history.record(claim);
        return engine(points).evaluate(claim, CrossClaimContext.none().withHistory(history));
    }
}
