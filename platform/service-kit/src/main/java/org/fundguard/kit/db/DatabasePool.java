package org.fundguard.kit.db;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgPool;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import jakarta.inject.Singleton;

import java.util.concurrent.TimeUnit;

/**
 * Builds the reactive pool (used by Hibernate Reactive and by every {@code *Queries}/{@code *Store}) with the bounds of
 * {@link DatabaseConfig}: Quarkus has no setting for the pool's acquire timeout (Vert.x waits 30 s) nor for the
 * connection's silence, without which a query to a stalled server waits for ever.
 */
@Singleton
public class DatabasePool implements PgPoolCreator {

    private final DatabaseConfig config;

    public DatabasePool(DatabaseConfig config) {
        this.config = config;
    }

    @Override
    public Pool create(Input input) {
        PoolOptions pool = new PoolOptions(input.poolOptions())
                .setConnectionTimeout(Math.toIntExact(config.acquireTimeout().toMillis()))
                .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS);
        for (PgConnectOptions c : input.pgConnectOptionsList()) {
            c.setConnectTimeout(Math.toIntExact(config.connectTimeout().toMillis()));
            c.setIdleTimeout(Math.toIntExact(config.silenceTimeout().toMillis()));
            c.setIdleTimeoutUnit(TimeUnit.MILLISECONDS);
        }
        return PgPool.pool(input.vertx(), input.pgConnectOptionsList(), pool);
    }
}
