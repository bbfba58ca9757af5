package org.fundguard.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** Points the application's Kafka clients at the shared real KRaft broker. */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", bootstrapServers());
    }

    public static String bootstrapServers() {
        return TestStack.kafka().url();
    }

    @Override
    public void stop() {
        // shared by the whole build; stopped when the build ends
    }
}
