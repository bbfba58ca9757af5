package org.fundguard.devstack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The suite's services in one list, and the environment each process is started with. {@code ./fundguard up}
 * ({@link SuiteMain}) and the e2e suite both start services from here, so a new service is one more entry in
 * {@link #SERVICES}.
 *
 * <p>Every service gets the variables its production profile requires (no defaults there, so a missing one fails at
 * start instead of dialling localhost): datasource JDBC and reactive URL, username and password, Kafka bootstrap
 * servers, OIDC server URL; plus its port and {@value #LOOPBACK} as its address, so that on a developer's machine
 * the gateway is the one door. The gateway keeps its own bind.
 */
public final class Services {

    /** The address every service listens on in the dev stack and in e2e. */
    public static final String LOOPBACK = "127.0.0.1";

    /**
     * A module the suite starts: {@code name} as in the gateway's upstreams ({@code GATEWAY_UPSTREAMS_<NAME>}) and in
     * {@code .fundguard/logs/<name>.log}; {@code module} the folder it is built in; the port variable and default;
     * its own PostgreSQL database ({@code null} for the gateway).
     */
    public record Service(String name, String module, String portEnv, int defaultPort, String database) {

        public Service {
            Objects.requireNonNull(name);
            Objects.requireNonNull(module);
            Objects.requireNonNull(portEnv);
        }

        /** The port: {@link #portEnv()} when it is set, else {@link #defaultPort()}. */
        public int port() {
            return Ports.fromEnvironment(portEnv, defaultPort);
        }

        /** The gateway's variable for this service's base URL, e.g. {@code GATEWAY_UPSTREAMS_REPORTS}. */
        public String upstreamVariable() {
            return "GATEWAY_UPSTREAMS_" + name.toUpperCase(Locale.ROOT);
        }

        /** The environment of this service listening on {@code port}, on its own database. */
        public Map<String, String> environment(Infrastructure infra, int port) {
            return environment(infra, port, database);
        }

        /** The environment of this service listening on {@code port}, on {@code database} (tests use their own). */
        public Map<String, String> environment(Infrastructure infra, int port, String database) {
            if (database == null) {
                throw new IllegalArgumentException(name + " has no database: start it with Services.gatewayEnvironment");
            }
            Map<String, String> env = new LinkedHashMap<>(infra.settings());
            env.put("QUARKUS_HTTP_HOST", LOOPBACK);
            env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
            env.put("QUARKUS_DATASOURCE_JDBC_URL", infra.jdbcUrl(database));
            env.put("QUARKUS_DATASOURCE_REACTIVE_URL", infra.reactiveUrl(database));
            env.put("QUARKUS_DATASOURCE_USERNAME", infra.postgresUsername());
            env.put("QUARKUS_DATASOURCE_PASSWORD", infra.postgresPassword());
            env.put("KAFKA_BOOTSTRAP_SERVERS", infra.kafkaBootstrapServers());
            env.put("QUARKUS_OIDC_AUTH_SERVER_URL", infra.realmUrl());
            return env;
        }
    }

    /**
     * Where the infrastructure answers: PostgreSQL as {@code postgresql://host:port} with a user that may use every
     * service's database, Kafka's bootstrap servers, Keycloak's base URL (realm {@code fundguard}); {@code settings}
     * are variables every service (not the gateway) gets as they are: the demo-data switch, the development keys of
     * {@link DevSecrets}.
     */
    public record Infrastructure(String postgresUrl, String postgresUsername, String postgresPassword,
                                 String kafkaBootstrapServers, String keycloakUrl, Map<String, String> settings) {

        public Infrastructure {
            Objects.requireNonNull(postgresUrl);
            Objects.requireNonNull(postgresUsername);
            Objects.requireNonNull(postgresPassword);
            Objects.requireNonNull(kafkaBootstrapServers);
            Objects.requireNonNull(keycloakUrl);
            settings = Map.copyOf(settings);
        }

        public String reactiveUrl(String database) {
            return postgresUrl + "/" + database;
        }

        public String jdbcUrl(String database) {
            return "jdbc:" + reactiveUrl(database);
        }

        public String realmUrl() {
            return keycloakUrl + "/realms/" + Keycloak.REALM;
        }
    }

    /** Every service, built or not yet, in port order. The gateway is {@link #GATEWAY}. */
    public static final List<Service> SERVICES = List.of(
            new Service("reports", "services/reports-service", "FUNDGUARD_REPORTS_PORT", 8081, "reports"),
            new Service("monitoring", "services/monitoring-service", "FUNDGUARD_MONITORING_PORT", 8082, "monitoring"),
            new Service("qualification", "services/qualification-service", "FUNDGUARD_QUALIFICATION_PORT", 8083, "qualification"),
            new Service("clues", "services/clues-service", "FUNDGUARD_CLUES_PORT", 8084, "clues"),
            new Service("disclosure", "services/disclosure-service", "FUNDGUARD_DISCLOSURE_PORT", 8085, "disclosure"));

    public static final Service GATEWAY = new Service("gateway", "gateway", "FUNDGUARD_GATEWAY_PORT", 8080, null);

    private Services() {
    }

    /** The service called {@code name} ({@code "reports"} …). */
    public static Service named(String name) {
        return SERVICES.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + name + " in Services.SERVICES"));
    }

    /**
     * The gateway's environment on {@code port}: the OIDC server URL and an upstream for every service of
     * {@link #SERVICES} at {@code http://127.0.0.1:<port>} ({@code upstreamPorts} must name each one; a service that
     * is not running gets a port where nothing listens, and its routes answer 502); its management interface
     * (metrics) listens on loopback at {@code managementPort}.
     */
    public static Map<String, String> gatewayEnvironment(Infrastructure infra, int port, int managementPort,
                                                         Map<Service, Integer> upstreamPorts) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        // the gateway's metrics are on its management interface: on loopback, at a port of its own per stack
        env.put("QUARKUS_MANAGEMENT_HOST", LOOPBACK);
        env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", infra.realmUrl());
        for (Service s : SERVICES) {
            Integer p = upstreamPorts.get(s);
            if (p == null) {
                throw new IllegalArgumentException("no upstream port for " + s.name());
            }
            env.put(s.upstreamVariable(), "http://" + LOOPBACK + ":" + p);
        }
        return env;
    }
}
