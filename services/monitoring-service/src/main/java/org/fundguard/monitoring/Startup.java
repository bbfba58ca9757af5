package org.fundguard.monitoring;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.fundguard.kit.security.Caller;
import org.fundguard.monitoring.replica.QualificationCache;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Brings the in-memory state up at start — the demo knowledge base when {@code monitoring.demo-data} is on and the base
 * is empty, then the compiled rule set and the qualification replica, then (with {@code monitoring.demo-claims}) a year
 * of generated claims screened into findings and review cases — and keeps it in step with the database
 * ({@code monitoring.refresh-interval}) for changes another replica made.
 */
@ApplicationScoped
public class Startup {

    private static final Logger LOG = Logger.getLogger(Startup.class);
    static final Caller DEMO = Caller.system("demo-data");

    private final KnowledgeService knowledge;
    private final RuleSetHolder rules;
    private final QualificationCache qualifications;
    private final MonitoringConfig config;
    private final org.fundguard.monitoring.screening.ScreeningService screening;

    public Startup(KnowledgeService knowledge, RuleSetHolder rules, QualificationCache qualifications, MonitoringConfig config,
                   org.fundguard.monitoring.screening.ScreeningService screening) {
        this.screening = screening;
        this.knowledge = knowledge;
        this.rules = rules;
        this.qualifications = qualifications;
        this.config = config;
    }

    void start(@Observes StartupEvent ev) throws Throwable {
        if (config.demoData()) {
            // Hibernate Reactive runs on a Vert.x duplicated context; this gives one and waits for the result
            VertxContextSupport.subscribeAndAwait(this::demoKnowledge);
        }
        VertxContextSupport.subscribeAndAwait(() -> rules.refresh().chain(qualifications::reload));
        if (config.demoClaims()) {
            try {
                screening.loadDemoClaims(DEMO);
            } catch (java.sql.SQLException | RuntimeException e) {
                LOG.warnf("demo claims not loaded: %s", String.valueOf(e));
            }
        }
    }

    @Scheduled(every = "${monitoring.refresh-interval}", delayed = "${monitoring.refresh-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        return rules.refresh().chain(qualifications::reload)
                .onFailure().invoke(e -> LOG.warnf("refresh of the rule set and qualification replica failed: %s", String.valueOf(e)))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    private Uni<Void> demoKnowledge() {
        return io.quarkus.hibernate.reactive.panache.Panache.withSession(() -> StoredKnowledgePoint.count())
                .chain(n -> {
                    if (n > 0) {
                        return Uni.createFrom().voidItem();
                    }
                    for (String resource : config.demoKnowledge()) {
                        String body = resource(resource.trim());
                        if (body != null) {
                            return knowledge.importAsSystem(DEMO, body, resource.trim()).invoke(r -> {
                                LOG.infof("demo knowledge %s imported: %d of %d points", r.source(), r.accepted(), r.rowsRead());
                                if (!r.errors().isEmpty()) {
                                    LOG.warnf("demo knowledge %s: %d problems, first: %s", r.source(), r.errors().size(), r.errors().get(0));
                                }
                            }).replaceWithVoid();
                        }
                    }
                    LOG.warnf("no demo knowledge among %s", config.demoKnowledge());
                    return Uni.createFrom().voidItem();
                });
    }

    private static String resource(String name) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
