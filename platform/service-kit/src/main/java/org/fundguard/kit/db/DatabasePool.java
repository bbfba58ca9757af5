package org.fundguard.kit.db;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgPool;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.util.concurrent.TimeUnit;

/**
 * Builds the reactive pool (used by Hibernate Reactive and by every {@code *Queries}/{@code *Store}) with the bounds of
 * {@link DatabaseConfig}: Quarkus has no setting for the pool's acquire timeout (Vert.x waits 30 s) nor for a
 * deadline on the server's answer ({@link AnswerDeadline}), without which a query to a stalled server waits for ever.
 */
@Singleton
public class DatabasePool implements PgPoolCreator {

    private static final Logger LOG = Logger.getLogger(DatabasePool.class);

    private final DatabaseConfig config;
    private volatile boolean warned;

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
        }
        PgPool created = PgPool.pool(input.vertx(), input.pgConnectOptionsList(), pool);
        long silence = config.silenceTimeout().toMillis();
        // each new connection gets its answer deadline before it joins the pool
        created.connectHandler(connection -> {
            if (!AnswerDeadline.install(connection, silence) && !warned) {
                warned = true;
                LOG.warn("cannot install the database answer deadline: a stalled database makes requests wait");
            }
            connection.close();
        });
        return created;
    }
}
