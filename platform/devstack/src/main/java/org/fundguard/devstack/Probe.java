package org.fundguard.devstack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.Properties;

/**
 * How a component's readiness is checked, kept as text in the suite's state file ({@code ready.<name>}) so that
 * {@link SuiteStatus} asks the running server itself: {@code http:<url>} answers 200, {@code tcp:<port>} accepts a
 * connection on loopback, {@code postgres:<port>} answers {@code SELECT 1}.
 */
public record Probe(String spec) {

    public Probe {
        Objects.requireNonNull(spec);
        if (!spec.startsWith("http:") && !spec.startsWith("tcp:") && !spec.startsWith("postgres:")) {
            throw new IllegalArgumentException("not a readiness probe: " + spec);
        }
    }

    public static Probe http(String url) {
        return new Probe("http:" + url);
    }

    public static Probe tcp(int port) {
        return new Probe("tcp:" + port);
    }

    public static Probe postgres(int port) {
        return new Probe("postgres:" + port);
    }

    /** Whether the component answers as ready now (a few seconds at most). */
    public boolean check() {
        int colon = spec.indexOf(':');
        String kind = spec.substring(0, colon);
        String target = spec.substring(colon + 1);
        return switch (kind) {
            case "http" -> ManagedProcess.httpOk(target);
            case "tcp" -> Ports.isListening(Integer.parseInt(target));
            case "postgres" -> answersQuery(Integer.parseInt(target));
            default -> false;
        };
    }

    private static boolean answersQuery(int port) {
        Properties p = new Properties();
        p.setProperty("user", Postgres.USER);
        p.setProperty("password", Postgres.PASSWORD);
        p.setProperty("connectTimeout", "3");
        p.setProperty("socketTimeout", "3");
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", p);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
            return rs.next() && rs.getInt(1) == 1;
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return spec;
    }
}
