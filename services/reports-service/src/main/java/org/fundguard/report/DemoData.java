package org.fundguard.report;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.fundguard.kit.security.Caller;
import org.fundguard.kit.security.Roles;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.util.Set;

/** Seeds a few reports for the demo stack ({@code FUNDGUARD_DEMO_DATA=true}); does nothing when reports exist. */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);

    void seed(@Observes StartupEvent ev, ReportService service,
              @ConfigProperty(name = "reports.demo-data", defaultValue = "false") boolean enabled) throws Throwable {
        if (!enabled) {
            return;
        }
        Caller chuzhou = new Caller("system:demo-data", "system:demo-data", Set.of(Roles.REPORT_HANDLER), "341100", null, null);
        Caller huaibei = new Caller("system:demo-data", "system:demo-data", Set.of(Roles.REPORT_HANDLER), "340600", null, null);
        // Hibernate Reactive runs on a Vert.x duplicated context; this gives one and waits for the result
        Long existing = VertxContextSupport.subscribeAndAwait(service::count);
        if (existing > 0) {
            return;
        }
        VertxContextSupport.subscribeAndAwait(() -> service.intake(chuzhou, new ReportService.Intake(Channel.PHONE, "341100",
                        "H34110200001", "滁州市第一人民医院", "住院患者实际未住院（挂床住院），费用照常结算。", LocalDate.of(2026, 9, 14)))
                .chain(x -> service.intake(chuzhou, new ReportService.Intake(Channel.LETTER, "341102", "H34110200017",
                        "滁州市琅琊区某诊所", "同一处方药品重复收费。", LocalDate.of(2026, 10, 2))))
                .chain(x -> service.intake(huaibei, new ReportService.Intake(Channel.VISIT, "340600", "H34060100003",
                        "淮北市某民营医院", "诱导参保人虚假住院。", LocalDate.of(2026, 8, 21))))
                .replaceWithVoid());
        LOG.info("demo reports seeded");
    }
}
