package org.fundguard.qualification;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.fundguard.qualification.credit.DemoCredit;
import org.fundguard.qualification.practitioner.DemoPractitioners;
import org.jboss.logging.Logger;

/**
 * Seeds the demo stack ({@code FUNDGUARD_DEMO_DATA=true}) in the order the features need: the register of
 * practitioners first, then what refers to it. Every seeder is idempotent, so a restart on seeded data changes nothing.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);

    void seed(@Observes StartupEvent ev, QualificationConfig config, DemoPractitioners practitioners,
              DemoCredit credit) throws Throwable {
        if (!config.demoData()) {
            return;
        }
        // Hibernate Reactive runs on a Vert.x duplicated context; this gives one and waits for the result
        VertxContextSupport.subscribeAndAwait(practitioners::seed);
        VertxContextSupport.subscribeAndAwait(credit::seed);
        LOG.info("demo data seeded");
    }
}
