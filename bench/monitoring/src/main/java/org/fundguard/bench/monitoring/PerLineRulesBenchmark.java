package org.fundguard.bench.monitoring;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.fundguard.monitoring.claim.Claim;
import org.fundguard.monitoring.claim.FeeLine;
import org.fundguard.monitoring.engine.CrossClaimContext;
import org.fundguard.monitoring.engine.RuleEngine;
import org.fundguard.monitoring.engine.RuleSet;
import org.fundguard.monitoring.knowledge.KnowledgeBase;
import org.fundguard.monitoring.knowledge.KnowledgePoint;
import org.fundguard.monitoring.knowledge.RuleClass;
import org.kie.api.KieBase;
import org.kie.api.runtime.StatelessKieSession;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Per-line rules in memory, one thread: FundGuard's {@link RuleEngine} against a Drools {@link StatelessKieSession}
 * running the same checks ({@link DroolsRules}: one DRL rule per knowledge point), on the same generated batch of
 * {@value #LINES} fee lines ({@link PerLineData}). The score is fee lines per second.
 *
 * <ul>
 * <li>{@code fundguard}: {@code RuleEngine.evaluate} on every claim, hits counted by a sink.</li>
 * <li>{@code droolsPerClaim}: one {@code execute} per claim with its line facts — how a claim is screened.</li>
 * <li>{@code droolsBatched}: one {@code execute} per 10,000 line facts, amortising the session's set-up over many
 *     claims (legitimate here: every rule is a single pattern on one line, so claim boundaries do not matter).</li>
 * </ul>
 * The line facts wrap the same FeeLine/Visit objects and are built once in set-up (not timed). Set-up runs both engines
 * once and fails the run unless they find the same number of hits.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g", "-XX:+UseParallelGC"})
@Warmup(iterations = 5, time = 5)
@Measurement(iterations = 5, time = 5)
@State(Scope.Benchmark)
public class PerLineRulesBenchmark {

    public static final int LINES = 1_000_000;
    static final int BATCH = 10_000;
    static final long SEED = 20251130L;

    static final Set<RuleClass> CLASSES = EnumSet.of(RuleClass.DRUG_SEX, RuleClass.ITEM_SEX, RuleClass.DRUG_CHILD_ONLY,
            RuleClass.DRUG_CHILD_CONTRAINDICATED, RuleClass.ITEM_AGE, RuleClass.DRUG_WORK_INJURY_ONLY,
            RuleClass.DRUG_MATERNITY_ONLY, RuleClass.ITEM_MATERNITY_ONLY, RuleClass.DRUG_VISIT_TYPE,
            RuleClass.ITEM_VISIT_TYPE, RuleClass.DRUG_INSTITUTION_LEVEL, RuleClass.ITEM_INSTITUTION_LEVEL,
            RuleClass.ITEM_PRICE_CAP, RuleClass.DRUG_MAX_SUPPLY);

    List<Claim> claims;
    RuleEngine engine;
    CrossClaimContext ctx;
    final HitCounter fgHits = new HitCounter();

    List<List<LineFact>> factsByClaim;
    List<List<LineFact>> factBatches;
    StatelessKieSession drools;
    final HitCounter droolsHits = new HitCounter();

    @Setup(Level.Trial)
    public void setUp() {
        long t0 = System.nanoTime();
        PerLineData data = PerLineData.generate(LINES, SEED);
        claims = data.claims;
        List<KnowledgePoint> points = data.points;
        for (KnowledgePoint kp : points) {
            if (!CLASSES.contains(kp.ruleClass())) {
                throw new IllegalStateException("rule class not enabled: " + kp.ruleClass());
            }
        }
        engine = new RuleEngine(RuleSet.compile("bench", CLASSES, KnowledgeBase.of(points)));
        ctx = CrossClaimContext.none();
        long t1 = System.nanoTime();

        String drl = DroolsRules.drl(points);
        KieBase base = DroolsRules.build(drl);
        drools = DroolsRules.session(base, droolsHits);
        factsByClaim = new ArrayList<>(claims.size());
        factBatches = new ArrayList<>();
        List<LineFact> batch = new ArrayList<>(BATCH);
        long lines = 0;
        for (Claim c : claims) {
            List<LineFact> facts = new ArrayList<>(c.feeLines().size());
            for (FeeLine l : c.feeLines()) {
                LineFact f = new LineFact(l, c.visit());
                facts.add(f);
                batch.add(f);
                if (batch.size() == BATCH) {
                    factBatches.add(batch);
                    batch = new ArrayList<>(BATCH);
                }
            }
            factsByClaim.add(facts);
            lines += facts.size();
        }
        if (!batch.isEmpty()) {
            factBatches.add(batch);
        }
        long t2 = System.nanoTime();
        if (lines != LINES) {
            throw new IllegalStateException("generated " + lines + " lines, expected " + LINES);
        }

        long fg = fundguard();
        long perClaim = droolsPerClaim();
        long batched = droolsBatched();
        System.out.printf("%n[setup] %d claims, %d lines, %d knowledge points, %d DRL rules; data %.1f s, "
                        + "DRL compile %.1f s; hits: FundGuard %d, Drools per claim %d, Drools batched %d (%.2f%% of lines)%n",
                claims.size(), lines, points.size(), base.getKiePackages().stream().mapToInt(p -> p.getRules().size()).sum(),
                (t1 - t0) / 1e9, (t2 - t1) / 1e9, fg, perClaim, batched, 100.0 * fg / lines);
        if (fg != perClaim || fg != batched || fg == 0) {
            throw new IllegalStateException("hit counts differ: FundGuard " + fg + ", Drools per claim " + perClaim
                    + ", Drools batched " + batched);
        }
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public long fundguard() {
        fgHits.reset();
        for (int i = 0, n = claims.size(); i < n; i++) {
            engine.evaluate(claims.get(i), ctx, fgHits);
        }
        return fgHits.hits();
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public long droolsPerClaim() {
        droolsHits.reset();
        for (int i = 0, n = factsByClaim.size(); i < n; i++) {
            drools.execute(factsByClaim.get(i));
        }
        return droolsHits.hits();
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public long droolsBatched() {
        droolsHits.reset();
        for (int i = 0, n = factBatches.size(); i < n; i++) {
            drools.execute(factBatches.get(i));
        }
        return droolsHits.hits();
    }
}
