package org.fundguard.kit.app;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.fundguard.kit.audit.AuditLog;
import org.fundguard.kit.outbox.Outbox;
import org.fundguard.kit.security.Caller;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

/** Writes widgets with plain JDBC, as a service's bulk path would: the row, its event and its audit entry in one transaction. */
@ApplicationScoped
public class WidgetJdbcStore {

    static final Caller ACTOR = Caller.system("widget-jdbc");

    private final AgroalDataSource dataSource;
    private final Outbox outbox;
    private final AuditLog audit;

    public WidgetJdbcStore(AgroalDataSource dataSource, Outbox outbox, AuditLog audit) {
        this.dataSource = dataSource;
        this.outbox = outbox;
        this.audit = audit;
    }

    /** Inserts a widget, its event and its audit entry; commits unless {@code rollBack}. */
    public void create(UUID id, String name, boolean rollBack) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO widget (id, name, region) VALUES (?, ?, '341100')")) {
                ps.setObject(1, id);
                ps.setString(2, name);
                ps.executeUpdate();
            }
            outbox.append(c, "widget.created.v1", id.toString(), Map.of("id", id.toString(), "name", name));
            audit.record(c, ACTOR, "widget.created", "widget", id.toString(), null, Map.of("name", name));
            if (rollBack) {
                c.rollback();
            } else {
                c.commit();
            }
        }
    }

    /** The misuse the kit refuses: writing its rows on an auto-commit connection. */
    public void appendOnAutoCommit(String name) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            outbox.append(c, "widget.created.v1", UUID.randomUUID().toString(), Map.of("name", name));
        }
    }
}
