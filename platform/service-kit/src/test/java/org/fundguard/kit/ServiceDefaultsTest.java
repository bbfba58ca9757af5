package org.fundguard.kit;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.URL;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The kit's shared defaults ({@code META-INF/microprofile-config.properties}) as a service sees them: below the
 * service's own file, and in production without any default for where the database, Kafka and Keycloak are. (That the
 * build-time keys take effect in a built application is shown by the test application: an unannotated endpoint is
 * refused in {@link ServiceEdgeTest}, the kit's Flyway location is migrated for every test that writes an audit row.)
 */
class ServiceDefaultsTest {

    /** A service's application.properties as they are now: its own dev database, no production values. */
    private static final Map<String, String> SERVICE = Map.of(
            "%dev.quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:15432/reports",
            "quarkus.http.port", "8081");

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "quarkus.datasource.jdbc.url, QUARKUS_DATASOURCE_JDBC_URL",
            "quarkus.datasource.reactive.url, QUARKUS_DATASOURCE_REACTIVE_URL",
            "quarkus.datasource.username, QUARKUS_DATASOURCE_USERNAME",
            "quarkus.datasource.password, QUARKUS_DATASOURCE_PASSWORD",
            "kafka.bootstrap.servers, KAFKA_BOOTSTRAP_SERVERS",
            "quarkus.oidc.auth-server-url, QUARKUS_OIDC_AUTH_SERVER_URL"})
    void inProductionAMissingVariableFailsInsteadOfDiallingLocalhost(String key, String variable) throws IOException {
        SmallRyeConfig withoutVariables = config("prod", Map.of());
        assertThatThrownBy(() -> withoutVariables.getValue(key, String.class)).hasMessageContaining(variable);

        SmallRyeConfig withVariable = config("prod", Map.of(variable, "from-the-environment"));
        assertThat(withVariable.getValue(key, String.class)).isEqualTo("from-the-environment");
    }

    @Test
    void inDevTheStacksDefaultsApply() throws IOException {
        SmallRyeConfig dev = config("dev", Map.of());
        assertThat(dev.getValue("quarkus.datasource.jdbc.url", String.class)).isEqualTo("jdbc:postgresql://127.0.0.1:15432/reports");
        assertThat(dev.getValue("kafka.bootstrap.servers", String.class)).isEqualTo("127.0.0.1:9092");
        assertThat(dev.getValue("quarkus.oidc.auth-server-url", String.class)).isEqualTo("http://localhost:8180/realms/fundguard");
    }

    @Test
    void aServiceOverridesAnyDefaultByNamingIt() throws IOException {
        Map<String, String> own = new HashMap<>(SERVICE);
        own.put("quarkus.flyway.out-of-order", "false");
        SmallRyeConfig config = build("prod", own, Map.of());
        assertThat(config.getValue("quarkus.flyway.out-of-order", Boolean.class)).isFalse();
        assertThat(config("prod", Map.of()).getValue("quarkus.flyway.out-of-order", Boolean.class)).isTrue();
        assertThat(config("prod", Map.of()).getValue("quarkus.flyway.locations", String.class)).isEqualTo("db/migration,db/kit");
    }

    private static SmallRyeConfig config(String profile, Map<String, String> environment) throws IOException {
        return build(profile, SERVICE, environment);
    }

    private static SmallRyeConfig build(String profile, Map<String, String> service, Map<String, String> environment)
            throws IOException {
        URL kit = ServiceDefaultsTest.class.getClassLoader().getResource("META-INF/microprofile-config.properties");
        assertThat(kit).isNotNull();
        ConfigSource defaults = new PropertiesConfigSource(kit);
        assertThat(defaults.getOrdinal()).isEqualTo(100);
        return new SmallRyeConfigBuilder()
                .withProfile(profile)
                .withSources(defaults,
                        new PropertiesConfigSource(service, "application.properties", 250),
                        new PropertiesConfigSource(environment, "environment", 300))
                .build();
    }
}
