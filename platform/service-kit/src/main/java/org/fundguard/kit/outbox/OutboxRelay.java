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
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Publishes outbox events to Kafka in their written order and marks each sent only after the broker acknowledged it
 * (acks=all, idempotent producer). Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so several replicas never
 * publish the same row at once. A failure leaves the row unsent with the error recorded and stops the pass, so a
 * later event never overtakes an earlier one; the next pass tries again.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String CLAIM = "SELECT id, type, source, subject, topic, event_time, payload::text AS payload "
            + "FROM outbox_event WHERE sent_at IS NULL ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED";

    private final Pool pool;
    private final OutboxConfig config;
    private final String bootstrapServers;
    private volatile KafkaProducer<String, byte[]> producer;
    private volatile String lastError;
    private volatile OffsetDateTime oldestUnsent;

    public OutboxRelay(Pool pool, OutboxConfig config,
                       @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "localhost:9092") String bootstrapServers) {
        this.pool = pool;
        this.config = config;
        this.bootstrapServers = bootstrapServers;
    }

    @Scheduled(every = "${fundguard.outbox.poll-interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (config.relayEnabled()) {
            try {
                relayOnce();
            } catch (RuntimeException e) {
                lastError = e.getMessage();
                LOG.warnf("outbox relay pass failed: %s", e.getMessage());
            }
        }
    }

    /** One pass: publishes up to a batch of unsent events; returns how many were published. Blocking. */
    public int relayOnce() {
        Duration limit = config.deliveryTimeout().multipliedBy(2).plusSeconds(10);
        int sent = pool.withTransaction(conn -> conn.preparedQuery(CLAIM).execute(Tuple.of(config.batchSize()))
                .chain(rows -> {
                    List<Row> list = new ArrayList<>();
                    rows.forEach(list::add);
                    return publishFrom(conn, list, 0);
                })).await().atMost(limit);
        oldestUnsent = pool.query("SELECT min(created_at) AS oldest FROM outbox_event WHERE sent_at IS NULL").execute()
                .map(rows -> rows.iterator().next().getOffsetDateTime("oldest"))
                .await().atMost(Duration.ofSeconds(10));
        return sent;
    }

    private Uni<Integer> publishFrom(SqlConnection conn, List<Row> rows, int index) {
        if (index >= rows.size()) {
            lastError = null;
            return Uni.createFrom().item(index);
        }
        Row row = rows.get(index);
        UUID id = row.getUUID("id");
        return send(row)
                .chain(() -> conn.preparedQuery("UPDATE outbox_event SET sent_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = $1")
                        .execute(Tuple.of(id)))
                .chain(() -> publishFrom(conn, rows, index + 1))
                .onFailure().recoverWithUni(err -> {
                    String message = err.getClass().getSimpleName() + ": " + err.getMessage();
                    lastError = message;
                    LOG.warnf("outbox event %s not published (will retry): %s", id, message);
                    return conn.preparedQuery("UPDATE outbox_event SET attempts = attempts + 1, last_error = $2 WHERE id = $1")
                            .execute(Tuple.of(id, message.length() > 1000 ? message.substring(0, 1000) : message))
                            .replaceWith(index);
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
                            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(1000, timeout / 2),
                            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeout,
                            ProducerConfig.MAX_BLOCK_MS_CONFIG, Math.max(1000, timeout / 2),
                            ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay-" + config.source().replace('/', '-')),
                            new StringSerializer(), new ByteArraySerializer());
                }
                p = producer;
            }
        }
        return p;
    }

    /** The last pass's error, or null when it published everything it claimed. */
    public String lastError() {
        return lastError;
    }

    /** When the oldest unsent event was written, or null when none waits. */
    public OffsetDateTime oldestUnsent() {
        return oldestUnsent;
    }

    void close(@Observes ShutdownEvent ev) {
        KafkaProducer<String, byte[]> p = producer;
        if (p != null) {
            p.close(Duration.ofSeconds(5));
        }
    }
}
