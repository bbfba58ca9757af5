package org.fundguard.bench.qualification;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * Publishes {@code --codes N} suspensions (2027-03-01 to 2027-06-30) on {@code fundguard.qualification} as the outbox
 * relay publishes them (CloudEvents binary headers, key = the code), so that the look-up has a register to answer from:
 * codes {@code D3411900000000} + i, every other one suspended. Arguments: {@code --bootstrap HOST:PORT [--codes 10000]}.
 */
public final class SeedSanctions {

    private SeedSanctions() {
    }

    /** The i-th benchmark code (13 characters, like a 医保医师代码). */
    static String code(int i) {
        return String.format("D34119%07d", i);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = LookupBench.args(args);
        int n = Integer.parseInt(a.getOrDefault("codes", "10000"));
        try (KafkaProducer<String, String> p = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, a.get("bootstrap"), ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < n; i += 2) {
                String code = code(i);
                String json = "{\"practitionerCode\":\"" + code + "\",\"personType\":\"DOCTOR\",\"region\":\"341100\","
                        + "\"institutionCode\":\"H34110200001\",\"yearPoints\":10,\"from\":\"2027-03-01\","
                        + "\"until\":\"2027-06-30\",\"decisionId\":\"" + UUID.randomUUID() + "\",\"at\":\"2027-02-20T02:15:00Z\"}";
                ProducerRecord<String, String> r = new ProducerRecord<>("fundguard.qualification", code, json);
                header(r, "ce_specversion", "1.0");
                header(r, "ce_id", UUID.randomUUID().toString());
                header(r, "ce_type", "qualification.suspended.v1");
                header(r, "ce_source", "/fundguard/qualification-service");
                header(r, "ce_subject", code);
                header(r, "ce_time", "2027-02-20T02:15:00Z");
                header(r, "content-type", "application/json");
                p.send(r);
            }
            p.flush();
        }
        System.out.printf("seeded %d suspensions among %d codes on fundguard.qualification%n", (n + 1) / 2, n);
    }

    private static void header(ProducerRecord<String, String> r, String name, String value) {
        r.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
