package org.fundguard.monitoring.replica;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.fundguard.monitoring.Db;
import org.fundguard.monitoring.Messages;
import org.fundguard.testsupport.KafkaResource;
import org.fundguard.testsupport.KeycloakResource;
import org.fundguard.testsupport.PostgresResource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.fundguard.monitoring.Messages.CHECKS;
import static org.fundguard.monitoring.Messages.his;

/**
 * The qualification replica from the checked-in event examples: each fed twice (same ce_id) takes effect once, and a 3101
 * check of a line billed by a suspended doctor hits FG-EXT-003 — except at an emergency visit. Additive changes are
 * tolerated (an unknown field is ignored, nothing dead-lettered); an event missing a required field is dead-lettered.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, parallel = true)
@WithTestResource(value = KafkaResource.class, parallel = true)
@WithTestResource(value = KeycloakResource.class, parallel = true)
class QualificationConsumerTest {

    static String example(String type) throws IOException {
        try (InputStream in = QualificationConsumerTest.class.getClassLoader()
                .getResourceAsStream("events/" + type + ".v1.example.json")) {
            assertThat(in).as("contracts example of %s", type).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static void send(String type, String key, String payload, String ceId) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> p = new KafkaProducer<>(config)) {
            ProducerRecord<String, String> r = new ProducerRecord<>("fundguard.qualification", key, payload);
            r.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8))
                    .add("ce_id", ceId.getBytes(StandardCharsets.UTF_8))
                    .add("ce_type", ("qualification." + type + ".v1").getBytes(StandardCharsets.UTF_8))
                    .add("ce_source", "/fundguard/qualification-service".getBytes(StandardCharsets.UTF_8))
                    .add("ce_subject", key.getBytes(StandardCharsets.UTF_8))
                    .add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
            p.send(r).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> rulesHitFor(String doctor, String medType, String date) {
        return his().body(Messages.check().encounter("med_type", medType).encounter("adm_date", date + " 09:00:00")
                        .encounter("dscg_date", date + " 10:00:00")
                        .order("1", "XA10BAZ006F006010100006", "1", "8.00").last("drord_dr_codg", doctor).build())
                .when().post(CHECKS + "/3101").then().statusCode(200).extract().path("output.result.rule_id");
    }

    @Test
    void suspendedThenRestoredEachTakeEffectOnceAndTheCheckHitsInBetween() throws IOException {
        String doctor = "D341100000123";
        assertThat(rulesHitFor(doctor, "11", "2027-03-15")).isEmpty();

        String suspended = UUID.randomUUID().toString();
        send("suspended", doctor, example("qualification-suspended"), suspended);
        send("suspended", doctor, example("qualification-suspended"), suspended);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(rulesHitFor(doctor, "11", "2027-03-15"))
                .containsExactly("FG-EXT-003"));
        assertThat(Db.count("SELECT count(*) FROM qualification_bar WHERE practitioner_code = ?", doctor)).isEqualTo(1);
        assertThat(Db.count("SELECT count(*) FROM processed_event WHERE event_id = ?", suspended)).isEqualTo(1);
        assertThat(Db.count("SELECT count(*) FROM audit_log WHERE action = 'qualification.suspended' AND entity_id = ?"
                + " AND actor_subject = 'system:qualification-replica'", doctor)).isEqualTo(1);
        // emergency and rescue are excepted (knowledge point KP-BAR-0001: med_type 13, 24); before the suspension it is fine
        assertThat(rulesHitFor(doctor, "13", "2027-03-15")).isEmpty();
        assertThat(rulesHitFor(doctor, "11", "2027-02-28")).isEmpty();

        String restored = UUID.randomUUID().toString();
        send("restored", doctor, example("qualification-restored"), restored);
        send("restored", doctor, example("qualification-restored"), restored);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(Db.count(
                "SELECT count(*) FROM processed_event WHERE event_id = ?", restored)).isEqualTo(1));
        assertThat(Db.query("SELECT to_date::text AS t FROM qualification_bar WHERE practitioner_code = ?", doctor))
                .singleElement().satisfies(r -> assertThat(r.get("t")).isEqualTo("2027-06-30"));
        assertThat(rulesHitFor(doctor, "11", "2027-07-02")).isEmpty();
    }

    @Test
    void aTerminationBarsFromItsFirstDayOnwards() throws IOException {
        String doctor = "D150400000456";
        String id = UUID.randomUUID().toString();
        send("terminated", doctor, example("qualification-terminated"), id);
        send("terminated", doctor, example("qualification-terminated"), id);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(rulesHitFor(doctor, "11", "2031-01-01"))
                .containsExactly("FG-EXT-003"));
        assertThat(Db.count("SELECT count(*) FROM qualification_bar WHERE practitioner_code = ? AND to_date IS NULL", doctor))
                .isEqualTo(1);
    }

    static final String DLQ = "fundguard.qualification.dlq";
    static final ObjectMapper JSON = new ObjectMapper();

    /** The dead-letter records of {@code key}, read from the beginning for {@code within} or until one is there. */
    static List<ConsumerRecord<String, String>> deadLetters(String key, Duration within) {
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dlq-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new StringDeserializer())) {
            c.subscribe(List.of(DLQ));
            long deadline = System.nanoTime() + within.toNanos();
            while (System.nanoTime() < deadline && out.isEmpty()) {
                c.poll(Duration.ofMillis(300)).forEach(r -> {
                    if (key.equals(r.key())) {
                        out.add(r);
                    }
                });
            }
        }
        return out;
    }

    static String header(ConsumerRecord<?, ?> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    @Test
    void anExampleWithAnExtraFieldTakesEffectOnceAndIsNotDeadLettered() throws IOException {
        String doctor = "D341100000789";
        ObjectNode event = (ObjectNode) JSON.readTree(example("qualification-suspended"));
        event.put("practitionerCode", doctor);
        event.put("appealDeadline", "2027-03-10");            // a field a later version of the schema adds
        event.putObject("issuedBy").put("agency", "341100");
        String id = UUID.randomUUID().toString();
        send("suspended", doctor, event.toString(), id);
        send("suspended", doctor, event.toString(), id);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(rulesHitFor(doctor, "11", "2027-03-15"))
                .containsExactly("FG-EXT-003"));
        assertThat(Db.count("SELECT count(*) FROM qualification_bar WHERE practitioner_code = ?", doctor)).isEqualTo(1);
        assertThat(Db.count("SELECT count(*) FROM processed_event WHERE event_id = ?", id)).isEqualTo(1);
        assertThat(Db.count("SELECT count(*) FROM audit_log WHERE action = 'qualification.suspended' AND entity_id = ?", doctor))
                .isEqualTo(1);
        assertThat(deadLetters(doctor, Duration.ofSeconds(3))).isEmpty();
    }

    @Test
    void anEventMissingARequiredFieldGoesToTheDeadLetterTopic() throws IOException {
        String doctor = "D341100000790";
        ObjectNode event = (ObjectNode) JSON.readTree(example("qualification-suspended"));
        event.put("practitionerCode", doctor);
        event.remove("until");
        String id = UUID.randomUUID().toString();
        send("suspended", doctor, event.toString(), id);
        List<ConsumerRecord<String, String>> dead = deadLetters(doctor, Duration.ofSeconds(30));
        assertThat(dead).hasSize(1);
        assertThat(header(dead.get(0), "ce_id")).isEqualTo(id);
        assertThat(header(dead.get(0), "dead-letter-reason")).contains("'until'");
        assertThat(Db.count("SELECT count(*) FROM qualification_bar WHERE practitioner_code = ?", doctor)).isZero();
        assertThat(Db.count("SELECT count(*) FROM processed_event WHERE event_id = ?", id)).isZero();
    }
}
