package org.fundguard.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.fundguard.devstack.KafkaBroker;
import org.fundguard.devstack.Ports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A real Kafka broker owned by one test JVM, for tests that stop and restart the broker (outages) without
 * disturbing the shared one. {@link #broker()} gives the test its handle.
 */
public class OwnKafkaResource implements QuarkusTestResourceLifecycleManager {

    private static volatile KafkaBroker broker;

    @Override
    public Map<String, String> start() {
        try {
            Path dir = Files.createTempDirectory(TestStack.root().resolve("target").toAbsolutePath(), "own-kafka-");
            broker = KafkaBroker.start(Ports.pickFree(), Ports.pickFree(), dir);
            Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "own-kafka-stop"));
            return Map.of("kafka.bootstrap.servers", broker.bootstrapServers());
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a folder for the test broker: " + e.getMessage(), e);
        }
    }

    /** The running broker: {@code stop()} simulates an outage, {@code start()} ends it (same port, same data). */
    public static KafkaBroker broker() {
        return broker;
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.close();
        }
    }
}
