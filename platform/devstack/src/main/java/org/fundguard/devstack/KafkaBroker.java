package org.fundguard.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** A real single-node KRaft Kafka broker from the Apache Kafka jars, run as a child JVM. */
public final class KafkaBroker implements AutoCloseable {

    private final int port;
    private final int controllerPort;
    private final Path dir;
    private ManagedProcess process;

    private KafkaBroker(int port, int controllerPort, Path dir) {
        this.port = port;
        this.controllerPort = controllerPort;
        this.dir = dir;
    }

    /** Formats {@code dir} on first use (an existing log folder is kept, with its topics) and starts the broker. */
    public static KafkaBroker start(int port, int controllerPort, Path dir) {
        KafkaBroker broker = new KafkaBroker(port, controllerPort, dir);
        broker.start();
        return broker;
    }

    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            Files.createDirectories(dir.resolve("logs"));
            Path config = writeConfig();
            Path log4j = writeLog4j();
            String classpath = brokerClasspath();
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            List<String> jvm = List.of(java.toString(), "-Xms128m", "-Xmx512m", "-XX:+UseG1GC",
                    "-Dlog4j2.configurationFile=" + log4j.toUri(), "-cp", classpath);
            if (!Files.exists(dir.resolve("data/meta.properties"))) {
                List<String> format = new ArrayList<>(jvm);
                format.addAll(List.of("kafka.tools.StorageTool", "format", "-t", clusterId(), "-c", config.toString()));
                Process p = new ProcessBuilder(format).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("format.log").toFile())).start();
                if (p.waitFor() != 0) {
                    throw new StackException("formatting the Kafka log folder failed: see " + dir.resolve("format.log"));
                }
            }
            List<String> run = new ArrayList<>(jvm);
            run.addAll(List.of("kafka.Kafka", config.toString()));
            Path log = dir.resolve("broker.log");
            Files.deleteIfExists(log);
            process = ManagedProcess.start("kafka", run, Map.of(), dir, log);
            process.awaitReady(Duration.ofSeconds(120),
                    () -> process.logContains("Kafka Server started") && Ports.isListening(port));
        } catch (IOException e) {
            throw new StackException("Kafka did not start: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while formatting Kafka storage");
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public synchronized void stop() {
        if (process != null) {
            process.stop(Duration.ofSeconds(30));
            process = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    private Path writeConfig() throws IOException {
        String props = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + dir.resolve("data"),
                "num.partitions=3",
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=3",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=3",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "min.insync.replicas=1",
                "group.initial.rebalance.delay.ms=0",
                "log.retention.hours=168",
                "");
        Path p = dir.resolve("server.properties");
        Files.writeString(p, props, StandardCharsets.UTF_8);
        return p;
    }

    private Path writeLog4j() throws IOException {
        String cfg = String.join("\n",
                "status = warn",
                "appender.out.type = Console",
                "appender.out.name = OUT",
                "appender.out.layout.type = PatternLayout",
                "appender.out.layout.pattern = [%d] %p %m (%c)%n",
                "rootLogger.level = WARN",
                "rootLogger.appenderRef.out.ref = OUT",
                "logger.server.name = kafka.server",
                "logger.server.level = INFO",
                "");
        Path p = dir.resolve("log4j2.properties");
        Files.writeString(p, cfg, StandardCharsets.UTF_8);
        return p;
    }

    static String brokerClasspath() {
        return resource("kafka-broker.classpath") + java.io.File.pathSeparator + resource("kafka-broker-shared.classpath");
    }

    private static String resource(String name) {
        try (InputStream in = KafkaBroker.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new StackException(name + " is missing: build platform/devstack first (./mvnw -pl platform/devstack package)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new StackException("cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    /** A random cluster id; never one starting with '-', which the format tool would read as an option (as Kafka's Uuid does). */
    static String clusterId() {
        SecureRandom random = new SecureRandom();
        byte[] b = new byte[16];
        String id;
        do {
            random.nextBytes(b);
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        } while (id.startsWith("-"));
        return id;
    }
}
