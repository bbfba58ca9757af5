package org.fundguard.qualification.lookup;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.fundguard.kit.consumer.PoisonMessageException;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Feeds the {@link SanctionRegister} from this service's own topic: every replica reads every event, from the
 * beginning, at every start — partitions assigned by hand, no consumer group, nothing committed — and is ready once it
 * has read up to the end offsets the topic had when it started. One thread of its own; a look-up never waits for it.
 */
@ApplicationScoped
public class QualificationEventFeed {

    private static final Logger LOG = Logger.getLogger(QualificationEventFeed.class);

    private final SanctionRegister register;
    private final LookupConfig config;
    private final String bootstrapServers;

    private volatile boolean running;
    private volatile boolean ready;
    private volatile String lastError;
    private volatile long eventsApplied;
    private volatile long recordsRead;
    private volatile long behind = -1;
    private volatile Instant readyAt;
    private volatile KafkaConsumer<String, String> consumer;
    private Thread thread;

    public QualificationEventFeed(SanctionRegister register, LookupConfig config,
                                  @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "localhost:9092") String bootstrapServers) {
        this.register = register;
        this.config = config;
        this.bootstrapServers = bootstrapServers;
    }

    void onStart(@Observes StartupEvent start) {
        if (config.feedEnabled()) {
            start();
        }
    }

    void onStop(@Observes ShutdownEvent stop) {
        stop();
    }

    /** Starts replaying and following the topic on a thread of its own. */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "qualification-lookup-feed");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops the feed and waits (briefly) for its thread. */
    public synchronized void stop() {
        running = false;
        KafkaConsumer<String, String> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Caught up with the end offsets seen at start. */
    public boolean ready() {
        return ready;
    }

    public String lastError() {
        return lastError;
    }

    public long eventsApplied() {
        return eventsApplied;
    }

    public long recordsRead() {
        return recordsRead;
    }

    /** Records still to read before ready (-1 while the partitions are not known yet). */
    public long behind() {
        return behind;
    }

    public Instant readyAt() {
        return readyAt;
    }

    private void run() {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        // no group: every replica reads everything, and no offset is ever committed
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "qualification-lookup-" + ProcessHandle.current().pid());
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        props.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        Map<TopicPartition, Long> targets = null;
        Set<TopicPartition> assigned = new HashSet<>();
        Instant nextPartitionCheck = Instant.MIN;
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer = c;
            while (running) {
                try {
                    if (Instant.now().isAfter(nextPartitionCheck)) {
                        nextPartitionCheck = Instant.now().plus(config.partitionCheckInterval());
                        List<TopicPartition> found = partitions(c);
                        if (found != null && !assigned.containsAll(found)) {
                            List<TopicPartition> fresh = new ArrayList<>(found);
                            fresh.removeAll(assigned);
                            assigned.addAll(found);
                            c.assign(assigned);
                            c.seekToBeginning(fresh);
                        }
                        if (found != null && found.isEmpty()) {
                            // the topic does not exist yet: look again soon, its first event is a sanction
                            nextPartitionCheck = Instant.now().plusSeconds(1);
                        }
                        if (found != null && targets == null) {
                            // the end of the topic at start: ready once read up to here
                            targets = found.isEmpty() ? Map.of() : c.endOffsets(found);
                        }
                        lastError = null;
                    }
                    if (assigned.isEmpty()) {
                        if (targets != null) {
                            caughtUp(0);
                        }
                        sleep(Math.min(config.partitionCheckInterval().toMillis(), 1000));
                        continue;
                    }
                    ConsumerRecords<String, String> records = c.poll(config.pollTimeout());
                    for (ConsumerRecord<String, String> r : records) {
                        handle(r);
                    }
                    recordsRead += records.count();
                    if (!ready && targets != null) {
                        long left = 0;
                        for (Map.Entry<TopicPartition, Long> t : targets.entrySet()) {
                            left += Math.max(0, t.getValue() - c.position(t.getKey()));
                        }
                        behind = left;
                        if (left == 0) {
                            caughtUp(recordsRead);
                        }
                    }
                } catch (WakeupException e) {
                    // stop() asked
                } catch (RuntimeException e) {
                    if (running) {
                        lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
                        LOG.warnf("qualification look-up feed: %s (retrying)", lastError);
                        sleep(1000);
                    }
                }
            }
        } finally {
            consumer = null;
        }
    }

    private void caughtUp(long read) {
        if (!ready) {
            behind = 0;
            readyAt = Instant.now();
            ready = true;
            LOG.infof("qualification look-up ready: %d records replayed, %d sanctioned codes", read, register.size());
        }
    }

    /** The topic's partitions, empty when it does not exist yet, null when the broker did not answer. */
    private List<TopicPartition> partitions(KafkaConsumer<String, String> c) {
        Map<String, List<PartitionInfo>> topics = c.listTopics(Duration.ofSeconds(10));
        List<PartitionInfo> infos = topics.get(config.topic());
        List<TopicPartition> out = new ArrayList<>();
        if (infos != null) {
            for (PartitionInfo p : infos) {
                out.add(new TopicPartition(p.topic(), p.partition()));
            }
        }
        return out;
    }

    private void handle(ConsumerRecord<String, String> r) {
        String type = header(r, "ce_type");
        if (type == null || !SanctionRegister.isLookupEvent(type)) {
            return;
        }
        try {
            if (register.apply(type, header(r, "ce_id"), r.value())) {
                eventsApplied++;
            }
        } catch (PoisonMessageException e) {
            // the producer is this service: a bad event is a bug there; the look-up keeps what it knows
            LOG.errorf("qualification look-up: event %s at %s-%d@%d refused: %s", header(r, "ce_id"), r.topic(),
                    r.partition(), r.offset(), e.getMessage());
        }
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
