package org.fundguard.qualification.practitioner;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.fundguard.kit.security.Caller;
import org.fundguard.qualification.practitioner.register.RegisterFiles;
import org.fundguard.qualification.practitioner.register.RegisterRow;
import org.fundguard.qualification.practitioner.register.RegisterRows;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

/**
 * The demo register ({@code demo/register.csv}: 滁州, 淮北 and 安徽省 files with the fixed codes other features and the demo
 * rely on). Imported as the service itself with national scope, through the same path as an officer's import, adding only
 * what is missing: on a database already seeded nothing is written, and what officers changed since stays. Wired by the integrator; not a StartupEvent observer.
 */
@ApplicationScoped
public class DemoPractitioners {

    private static final Logger LOG = Logger.getLogger(DemoPractitioners.class);
    static final String RESOURCE = "demo/register.csv";
    /** The service itself, seeing every region (region claim 000000). */
    static final Caller SEEDER = new Caller("system:demo-practitioners", "system:demo-practitioners", Set.of(), "000000", null, null);

    private final PractitionerService service;

    public DemoPractitioners(PractitionerService service) {
        this.service = service;
    }

    public Uni<Void> seed() {
        List<RegisterRow> rows = RegisterFiles.csv(register(), Integer.MAX_VALUE);
        RegisterRows.Checked checked = RegisterRows.checkAll(rows);
        if (!checked.errors().isEmpty()) {
            return Uni.createFrom().failure(new IllegalStateException("the demo register has bad rows: " + checked.errors()));
        }
        return service.importRows(SEEDER, checked.good(), List.of(), rows.size(), true)
                .invoke(o -> LOG.infof("demo register: %d rows, %d files created, %d changed, %d unchanged",
                        o.rows(), o.created(), o.updated(), o.unchanged()))
                .replaceWithVoid();
    }

    static byte[] register() {
        try (InputStream in = DemoPractitioners.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
