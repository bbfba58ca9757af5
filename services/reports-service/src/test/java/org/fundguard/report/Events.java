package org.fundguard.report;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.fundguard.testsupport.KafkaResource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/** Reads fundguard.reports on the real broker until the expected events arrive. */
final class Events {

    /** One event as it was on Kafka. */
    record Event(String key, String type, String subject, String payload) {
    }

    private Events() {
    }

    /** Every event on the topic matching {@code filter}, waiting until all {@code types} are among them (30 s at most). */
    static List<Event> await(Predicate<Event> filter, Set<String> types) {
        return await(filter, found -> found.stream().map(Event::type).toList().containsAll(types));
    }

    /** Every event on the topic matching {@code filter}, waiting until {@code enough} holds for them (30 s at most). */
    static List<Event> await(Predicate<Event> filter, Predicate<List<Event>> enough) {
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "reports-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            c.subscribe(List.of("fundguard.reports"));
            List<Event> found = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline && !enough.test(found)) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(300))) {
                    Event e = new Event(r.key(), header(r, "ce_type"), header(r, "ce_subject"), r.value());
                    if (filter.test(e)) {
                        found.add(e);
                    }
                }
            }
            return found;
        }
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
