package org.fundguard.devstack;

import org.fundguard.devstack.Services.Service;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServicesTest {

    /** What every service's production profile requires, without a default. */
    private static final List<String> REQUIRED = List.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_REACTIVE_URL",
            "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD", "KAFKA_BOOTSTRAP_SERVERS",
            "QUARKUS_OIDC_AUTH_SERVER_URL");

    private static final Services.Infrastructure DEV = SuiteMain.infrastructure(15432, "127.0.0.1:9092",
            "http://localhost:8180", Map.of("REPORTS_PERSONAL_DATA_CURRENT_KEY", "dev1"));

    @Test
    void devStackServicesListenOnLoopbackOnly() {
        for (Service s : Services.SERVICES) {
            Map<String, String> env = s.environment(DEV, s.defaultPort());
            assertEquals("127.0.0.1", env.get("QUARKUS_HTTP_HOST"), s.name());
            assertEquals(Integer.toString(s.defaultPort()), env.get("QUARKUS_HTTP_PORT"), s.name());
        }
    }

    @Test
    void everyServiceGetsWhatItsProductionProfileRequires() {
        for (Service s : Services.SERVICES) {
            Map<String, String> env = s.environment(DEV, s.defaultPort());
            for (String variable : REQUIRED) {
                assertTrue(env.containsKey(variable) && !env.get(variable).isBlank(), s.name() + " lacks " + variable);
            }
            assertEquals("jdbc:postgresql://127.0.0.1:15432/" + s.database(), env.get("QUARKUS_DATASOURCE_JDBC_URL"));
            assertEquals("postgresql://127.0.0.1:15432/" + s.database(), env.get("QUARKUS_DATASOURCE_REACTIVE_URL"));
            assertEquals("http://localhost:8180/realms/fundguard", env.get("QUARKUS_OIDC_AUTH_SERVER_URL"));
            assertEquals("true", env.get("FUNDGUARD_DEMO_DATA"), "the dev stack loads demo data");
            assertEquals("dev1", env.get("REPORTS_PERSONAL_DATA_CURRENT_KEY"), "the development keys travel along");
        }
        Map<String, String> e2e = Services.named("reports").environment(DEV, 40000, "e2e_reports");
        assertEquals("jdbc:postgresql://127.0.0.1:15432/e2e_reports", e2e.get("QUARKUS_DATASOURCE_JDBC_URL"));
    }

    @Test
    void gatewayKeepsItsBindAndGetsAnUpstreamForEveryService() {
        Map<Service, Integer> ports = new HashMap<>();
        Services.SERVICES.forEach(s -> ports.put(s, s.defaultPort() + 1000));
        Map<String, String> env = Services.gatewayEnvironment(DEV, 8080, 9000, ports);
        assertFalse(env.containsKey("QUARKUS_HTTP_HOST"), "the gateway is the door: it keeps listening on every address");
        assertEquals("8080", env.get("QUARKUS_HTTP_PORT"));
        assertEquals("127.0.0.1", env.get("QUARKUS_MANAGEMENT_HOST"), "metrics stay on loopback");
        assertEquals("9000", env.get("QUARKUS_MANAGEMENT_PORT"));
        assertEquals("http://localhost:8180/realms/fundguard", env.get("QUARKUS_OIDC_AUTH_SERVER_URL"));
        assertEquals("http://127.0.0.1:9081", env.get("GATEWAY_UPSTREAMS_REPORTS"));
        assertEquals("http://127.0.0.1:9085", env.get("GATEWAY_UPSTREAMS_DISCLOSURE"));
        assertFalse(env.containsKey("REPORTS_PERSONAL_DATA_CURRENT_KEY"), "the services' keys stay with the services");
        ports.remove(Services.named("clues"));
        assertThrows(IllegalArgumentException.class, () -> Services.gatewayEnvironment(DEV, 8080, 9000, ports));
        assertThrows(IllegalArgumentException.class, () -> Services.GATEWAY.environment(DEV, 8080));
    }

    @Test
    void namesPortsAndDatabasesAreDistinct() {
        Set<String> names = new HashSet<>();
        Set<Integer> ports = new HashSet<>();
        Set<String> databases = new HashSet<>();
        ports.add(Services.GATEWAY.defaultPort());
        for (Service s : Services.SERVICES) {
            assertTrue(names.add(s.name()), s.name());
            assertTrue(ports.add(s.defaultPort()), s.name() + " port " + s.defaultPort());
            assertTrue(databases.add(s.database()), s.name() + " database " + s.database());
            assertEquals("GATEWAY_UPSTREAMS_" + s.name().toUpperCase(), s.upstreamVariable());
        }
    }

    @Test
    void everyServiceModuleOfTheRepositoryIsInTheList() throws IOException {
        Set<String> listed = new HashSet<>();
        Services.SERVICES.forEach(s -> listed.add(s.module()));
        try (Stream<Path> dirs = Files.list(RealmImports.root().resolve("services"))) {
            dirs.filter(d -> Files.isRegularFile(d.resolve("pom.xml")))
                    .map(d -> "services/" + d.getFileName())
                    .forEach(m -> assertTrue(listed.contains(m), m + " is not in Services.SERVICES: ./fundguard up and e2e would not start it"));
        }
    }
}
