package org.fundguard.monitoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import org.fundguard.kit.qualification.EmergencyVisits;
import org.fundguard.monitoring.engine.RuleEngine;
import org.fundguard.monitoring.engine.RuleSet;
import org.fundguard.monitoring.knowledge.ImportReport;
import org.fundguard.monitoring.knowledge.KnowledgeBase;
import org.fundguard.monitoring.knowledge.KnowledgeImporter;
import org.jboss.logging.Logger;

import java.io.StringReader;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The compiled rule set every check uses, swapped atomically when the knowledge base changes: a check reads the
 * reference once and screens with that snapshot from start to end, so a swap never mixes two versions in one answer,
 * and no restart is needed. Compiled from every stored version of every knowledge point (the engine picks the version in
 * force), read back through {@link KnowledgeImporter} so a stored point passes the same checks as an imported one.
 */
@ApplicationScoped
public class RuleSetHolder {

    private static final Logger LOG = Logger.getLogger(RuleSetHolder.class);

    /** A rule set with the number of the knowledge-base change it reflects (0 = empty base). */
    public record Compiled(int version, RuleEngine engine) {
        public RuleSet rules() {
            return engine.ruleSet();
        }
    }

    private final AtomicReference<Compiled> current;
    private final ObjectMapper json;
    /** The service kit's emergency list, shared with qualification-service's look-up. */
    private final List<String> emergencyMedTypes;
    /** The version the most recent refresh found in use in the database. */
    private final java.util.concurrent.atomic.AtomicInteger wanted = new java.util.concurrent.atomic.AtomicInteger();

    public RuleSetHolder(ObjectMapper json, EmergencyVisits emergency) {
        this.json = json;
        this.emergencyMedTypes = List.copyOf(emergency.medTypes());
        this.current = new AtomicReference<>(new Compiled(0,
                new RuleEngine(RuleSet.allImplemented("0", KnowledgeBase.empty()).withEmergencyMedTypes(emergencyMedTypes))));
    }

    public Compiled current() {
        return current.get();
    }

    /**
     * Rebuilds the rule set when the version in use in the database ({@code rule_set_state}, else the latest) differs
     * from the one compiled here — newer after a change, older after a rollback; emits the version in use.
     */
    public Uni<Integer> refresh() {
        // read in one session on the Vert.x context, compile off it (a large base takes a while), then come back to it,
        // so that the caller's chain may go on using Hibernate Reactive
        io.vertx.core.Context context = io.vertx.core.Vertx.currentContext();
        return Panache.withSession(() -> KnowledgeQueries.versionInUse()
                        .chain(target -> {
                            wanted.set(target);
                            if (target == current.get().version()) {
                                return Uni.createFrom().nullItem();
                            }
                            return KnowledgeQueries.pointsUpTo(target).map(points -> new Snapshot(target, points));
                        }))
                .chain(snapshot -> snapshot == null
                        ? Uni.createFrom().item(current.get().version())
                        : Uni.createFrom().item(() -> install(compile(snapshot.version(), snapshot.points())))
                                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                                .emitOn(task -> {
                                    if (context == null) {
                                        task.run();
                                    } else {
                                        context.runOnContext(x -> task.run());
                                    }
                                }));
    }

    /** The rule set of a stored version: the knowledge base as it was after that change. Blocking (JDBC). */
    public Compiled compileStored(java.sql.Connection c, int version) throws java.sql.SQLException {
        if (version == current.get().version()) {
            return current.get();
        }
        List<String> bodies = KnowledgeQueries.bodiesUpTo(c, version);
        return compile(version, bodies);
    }

    private record Snapshot(int version, List<StoredKnowledgePoint> points) {
    }

    private Compiled compile(int version, List<StoredKnowledgePoint> points) {
        return compile(version, points.stream().map(p -> p.body).toList());
    }

    /**
     * Compiles a rule set from stored knowledge-point bodies (JSON, as in {@code knowledge_point.body}); the rule set of
     * an earlier version is this over the points with {@code rule_set_version <= version} (a screening job's choice).
     */
    public Compiled compile(int version, Iterable<String> bodies) {
        ArrayNode rows = json.createArrayNode();
        try {
            for (String body : bodies) {
                rows.add(json.readTree(body));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored knowledge point is not JSON", e);
        }
        ImportReport r = new KnowledgeImporter().importJson(new StringReader(rows.toString()), "knowledge_point");
        if (!r.clean()) {
            // stored points passed the importer when written; a point failing now means the importer became stricter
            LOG.warnf("rule set %d: %d stored knowledge points no longer pass the importer and are left out: %s",
                    version, r.rowsRefused(), r.errors().stream().limit(5).toList());
        }
        RuleSet rules = RuleSet.allImplemented(Integer.toString(version), KnowledgeBase.of(r.accepted()))
                .withEmergencyMedTypes(emergencyMedTypes);
        return new Compiled(version, new RuleEngine(rules));
    }

    private int install(Compiled fresh) {
        // a slower refresh that read an earlier target never replaces the rule set a later one asked for
        Compiled now = current.updateAndGet(old -> fresh.version() == wanted.get() ? fresh : old);
        if (now == fresh) {
            LOG.infof("rule set %d in use: %d knowledge points, %d codes with checks", fresh.version(),
                    fresh.rules().knowledge().size(), fresh.rules().codeCount());
        }
        return now.version();
    }
}
