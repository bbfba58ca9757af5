package org.fundguard.kit.db;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness (never liveness) of the database: a {@code SELECT 1} through the reactive pool, DOWN when it fails or takes
 * longer than {@code fundguard.db.readiness-timeout} (2 s). It replaces Quarkus' own datasource checks
 * ({@code quarkus.datasource.health.enabled=false}), which wait on the pool's and the driver's timeouts (about 20 s when
 * the server is gone, for ever when it is stalled), so that a probe answers DOWN promptly.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements AsyncHealthCheck {

    private final Pool pool;
    private final DatabaseConfig config;

    public DatabaseReadiness(Pool pool, DatabaseConfig config) {
        this.pool = pool;
        this.config = config;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return pool.query("SELECT 1").execute()
                .map(rows -> HealthCheckResponse.named("database").up().build())
                .ifNoItem().after(config.readinessTimeout())
                .failWith(() -> new DatabaseTimeout("no answer within " + config.readinessTimeout()))
                .onFailure().recoverWithItem(e -> HealthCheckResponse.named("database").down()
                        .withData("reason", e instanceof DatabaseTimeout ? e.getMessage() : DatabaseFailures.describe(e))
                        .build());
    }

    private static final class DatabaseTimeout extends RuntimeException {
        DatabaseTimeout(String message) {
            super(message, null, false, false);
        }
    }
}
