package org.fundguard.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shared stack is made of the real servers: PostgreSQL 17, a Kafka broker, Keycloak with the fundguard realm. */
class TestStackTest {

    @Test
    void postgresIsARealPostgreSql17Server() throws Exception {
        TestStack.Endpoint pg = TestStack.postgres();
        String url = "jdbc:" + pg.url() + "/postgres";
        try (Connection c = DriverManager.getConnection(url, pg.username(), pg.password());
             ResultSet rs = c.createStatement().executeQuery("SELECT version(), current_setting('server_version_num')::int")) {
            rs.next();
            System.out.println("[test-stack] " + rs.getString(1));
            assertThat(rs.getString(1)).startsWith("PostgreSQL 17");
            assertThat(rs.getInt(2)).isBetween(170000, 179999);
        }
    }

    @Test
    void kafkaIsARealBrokerThatStoresAndDeliversRecords() throws Exception {
        String servers = TestStack.kafka().url();
        String topic = "test-stack-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
            String cluster = admin.describeCluster().clusterId().get();
            System.out.println("[test-stack] Kafka cluster " + cluster + " at " + servers);
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "k", "hello")).get();
        }
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers, ConsumerConfig.GROUP_ID_CONFIG, "test-stack",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 20_000;
            String value = null;
            while (value == null && System.currentTimeMillis() < deadline) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) {
                    value = records.iterator().next().value();
                }
            }
            assertThat(value).isEqualTo("hello");
        }
    }

    @Test
    void keycloakIssuesSignedTokensWithTheRealmClaims() throws Exception {
        String token = Tokens.user("huaibei-auditor");
        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(3);
        JsonNode claims = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(parts[1]));
        System.out.println("[test-stack] Keycloak issuer " + claims.get("iss").asText());
        assertThat(claims.get("iss").asText()).isEqualTo(KeycloakResource.realmUrl());
        assertThat(claims.get("region").asText()).isEqualTo("340600");
        assertThat(claims.get("aud").toString()).contains("fundguard");
        assertThat(claims.at("/realm_access/roles").toString()).contains("auditor");
    }

    @Test
    void keycloakRefusesAWrongPassword() {
        assertThatThrownBy(() -> Tokens.request(Map.of("grant_type", "password", "client_id", "fundguard-cli",
                "username", "chuzhou-auditor", "password", "wrong")))
                .hasMessageContaining("401");
    }

    @Test
    void secondLookupReusesTheRunningServer() {
        assertThat(TestStack.postgres()).isSameAs(TestStack.postgres());
        assertThat(TestStack.kafka().url()).isEqualTo(TestStack.kafka().url());
    }

    @Test
    void theStackOutlivesEachModuleAndStopsWithTheBuild() {
        // surefire forks each module's JVM through its own shell: the stack must watch the Maven process above it,
        // so that every module of one build shares one PostgreSQL, one Kafka and one Keycloak
        Assumptions.assumeTrue(System.getProperty("surefire.test.class.path") != null
                        || System.getProperty("surefire.real.class.path") != null,
                "run outside Maven (an IDE): there is no build process to watch");
        String watched = ProcessHandle.of(TestStack.watchPid()).flatMap(p -> p.info().commandLine()).orElse("");
        assertThat(watched).contains("plexus-classworlds");
    }
}
