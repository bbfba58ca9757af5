package org.fundguard.kit.outbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes outbox events to Kafka in their written order and marks each sent only after the broker acknowledged it
 * (acks=all, idempotent producer), keeping what readiness needs to know about Kafka and the backlog.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    /**
     * Key of the transaction-scoped advisory lock a pass holds: one relay per database publishes at a time. With SKIP
     * LOCKED alone, a second replica would claim the next batch and could publish an aggregate's later event before
     * the first replica published its earlier one.
     */
    public static final long RELAY_LOCK = 0x4647_4f55_5442_4f58L;
    private static final String LEAD = "SELECT pg_try_advisory_xact_lock($1) AS leader";
    private static final String CLAIM = "SELECT id, type, source, subject, topic, event_time, payload::text AS payload "
            + "FROM outbox_event WHERE sent_at IS NULL ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED";
    private static final String SENT = "UPDATE outbox_event SET sent_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = $1";
    private static final String FAILED = "UPDATE outbox_event SET attempts = attempts + 1, last_error = $2 WHERE id = $1";
    private static final String OLDEST = "SELECT min(created_at) AS oldest FROM outbox_event WHERE sent_at IS NULL";
    /** Full batches published back to back in one tick before the scheduler gets the thread back. */
    private static final int MAX_BATCHES_PER_TICK = 10;

    private record Pass(int claimed, int published) {
        static final Pass FOLLOWER = new Pass(0, 0);
    }

    private final Pool pool;
    private final OutboxConfig config;
    private final String bootstrapServers;
    private volatile KafkaProducer<String, byte[]> producer;
    private volatile Admin admin;
    private volatile boolean stopping;

    // read by OutboxReadiness; written by the relay's passes only
    private volatile String kafkaError;
    private volatile Instant lastKafkaContact;
    private volatile OffsetDateTime oldestUnsent;
    private volatile Instant lastPassFinished = Instant.now();
    private volatile String lastPassError;

    public OutboxRelay(Pool pool, OutboxConfig config,
                       @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "localhost:9092") String bootstrapServers) {
        this.pool = pool;
        this.config = config;
        this.bootstrapServers = bootstrapServers;
    }

    @Scheduled(every = "${fundguard.outbox.poll-interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (!config.relayEnabled() || stopping) {
            return;
        }
        try {
            Pass pass;
            int batches = 0;
            do {
                pass = relay();
            } while (pass.published() == config.batchSize() && ++batches < MAX_BATCHES_PER_TICK && !stopping);
            if (pass.claimed() == 0 && probeDue()) {
                probe();
            }
        } catch (RuntimeException e) {
            if (!stopping) {
                lastPassError = describe(e);
                LOG.warnf("outbox relay pass failed: %s", lastPassError);
            }
        }
    }

    /** One pass: publishes up to a batch of unsent events and returns how many it published. Blocking. */
    public int relayOnce() {
        return relay().published();
    }

    private Pass relay() {
        Duration limit = config.deliveryTimeout().multipliedBy(2).plusSeconds(10);
        Pass pass = pool.withTransaction(this::pass).await().atMost(limit);
        oldestUnsent = pool.query(OLDEST).execute()
                .map(rows -> rows.iterator().next().getOffsetDateTime("oldest"))
                .await().atMost(Duration.ofSeconds(10));
        lastPassFinished = Instant.now();
        lastPassError = null;
        return pass;
    }

    private Uni<Pass> pass(SqlConnection conn) {
        return conn.preparedQuery(LEAD).execute(Tuple.of(RELAY_LOCK)).chain(lead -> {
            if (!lead.iterator().next().getBoolean("leader")) {
                return Uni.createFrom().item(Pass.FOLLOWER);
            }
            return conn.preparedQuery(CLAIM).execute(Tuple.of(config.batchSize())).chain(rows -> {
                List<Row> claimed = new ArrayList<>();
                rows.forEach(claimed::add);
                return publishFrom(conn, claimed, 0).map(published -> new Pass(claimed.size(), published));
            });
        });
    }

    /** Publishes rows[index…] one after another; the first broker failure is recorded on its row and ends the pass. */
    private Uni<Integer> publishFrom(SqlConnection conn, List<Row> rows, int index) {
        if (index >= rows.size()) {
            return Uni.createFrom().item(index);
        }
        UUID id = rows.get(index).getUUID("id");
        return send(rows.get(index)).onItemOrFailure().transformToUni((ok, err) -> {
            if (err != null) {
                kafkaFailed(err);
                LOG.warnf("outbox event %s not published (will retry): %s", id, kafkaError);
                return conn.preparedQuery(FAILED).execute(Tuple.of(id, truncate(describe(err), 1000))).replaceWith(index);
            }
            kafkaReached();
            // a database failure from here on fails the whole pass: the row stays unsent and is published again
            // (at least once; consumers are idempotent)
            return conn.preparedQuery(SENT).execute(Tuple.of(id)).chain(() -> publishFrom(conn, rows, index + 1));
        });
    }

    private Uni<Void> send(Row row) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(row.getString("topic"), row.getString("subject"),
                row.getString("payload").getBytes(StandardCharsets.UTF_8));
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", row.getUUID("id").toString());
        header(record, "ce_type", row.getString("type"));
        header(record, "ce_source", row.getString("source"));
        header(record, "ce_subject", row.getString("subject"));
        header(record, "ce_time", row.getOffsetDateTime("event_time").format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        header(record, "content-type", "application/json");
        // send() may block while it looks up the topic's metadata: never on an event loop
        return Uni.createFrom().<Void>emitter(em -> producer().send(record, (md, ex) -> {
                    if (ex == null) {
                        em.complete(null);
                    } else {
                        em.fail(ex);
                    }
                }))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .ifNoItem().after(config.deliveryTimeout().plusSeconds(5)).fail();
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }

    private boolean probeDue() {
        Instant last = lastKafkaContact;
        return kafkaError != null || last == null || last.plus(config.kafkaProbeInterval()).isBefore(Instant.now());
    }

    /** With nothing to publish, asks the broker for its cluster id: the relay knows Kafka is gone before an event waits. */
    private void probe() {
        long timeout = probeTimeoutMillis();
        try {
            admin().describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout)).clusterId()
                    .get(timeout + 1000, TimeUnit.MILLISECONDS);
            kafkaReached();
        } catch (ExecutionException e) {
            kafkaFailed(e.getCause());
        } catch (TimeoutException e) {
            kafkaFailed(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void kafkaReached() {
        if (kafkaError != null) {
            LOG.infof("outbox relay reaches Kafka again");
        }
        kafkaError = null;
        lastKafkaContact = Instant.now();
    }

    private void kafkaFailed(Throwable e) {
        kafkaError = describe(e);
    }

    private int probeTimeoutMillis() {
        return (int) Math.max(1000, config.deliveryTimeout().toMillis() / 2);
    }

    private KafkaProducer<String, byte[]> producer() {
        KafkaProducer<String, byte[]> p = producer;
        if (p == null) {
            synchronized (this) {
                if (producer == null) {
                    int timeout = (int) config.deliveryTimeout().toMillis();
                    producer = new KafkaProducer<>(Map.of(
                            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                            ProducerConfig.ACKS_CONFIG, "all",
                            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                            ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                            ProducerConfig.LINGER_MS_CONFIG, 0,
                            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, probeTimeoutMillis(),
                            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Math.max(timeout, probeTimeoutMillis()),
                            ProducerConfig.MAX_BLOCK_MS_CONFIG, probeTimeoutMillis(),
                            ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay" + config.source().replace('/', '-')),
                            new StringSerializer(), new ByteArraySerializer());
                }
                p = producer;
            }
        }
        return p;
    }

    private Admin admin() {
        Admin a = admin;
        if (a == null) {
            synchronized (this) {
                if (admin == null) {
                    admin = Admin.create(Map.of(
                            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, probeTimeoutMillis(),
                            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, probeTimeoutMillis(),
                            AdminClientConfig.CLIENT_ID_CONFIG, "outbox-probe" + config.source().replace('/', '-')));
                }
                a = admin;
            }
        }
        return a;
    }

    private static String describe(Throwable e) {
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static String truncate(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }

    /** Why the relay cannot reach Kafka (its last publish or probe failed), or null when it can. */
    public String kafkaError() {
        return kafkaError;
    }

    /** When the oldest unsent event was written, as of the last pass; null when none waits. */
    public OffsetDateTime oldestUnsent() {
        return oldestUnsent;
    }

    /** When the last pass finished (at start-up: when the relay was created). */
    public Instant lastPassFinished() {
        return lastPassFinished;
    }

    /** Why the last pass failed (e.g. the database is unreachable), or null. */
    public String lastPassError() {
        return lastPassError;
    }

    void close(@Observes(notifyObserver = Reception.IF_EXISTS) ShutdownEvent ev) {
        stopping = true;
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }
}
