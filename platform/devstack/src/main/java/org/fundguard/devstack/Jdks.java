package org.fundguard.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/** Finds a JDK of at least a given feature version: JAVA_HOME if it is one, else the newest under /usr/lib/jvm. */
public final class Jdks {

    private Jdks() {
    }

    /** A JDK home and its feature version (17, 21, 25 ...). */
    public record Jdk(Path home, int feature) {
        public Path java() {
            return home.resolve("bin").resolve("java");
        }
    }

    public static Jdk require(int minFeature) {
        return find(minFeature).orElseThrow(() -> new StackException(
                "Keycloak needs a JDK " + minFeature + " or newer and none was found (JAVA_HOME="
                        + System.getenv("JAVA_HOME") + ", /usr/lib/jvm): install one, e.g. "
                        + "'apt-get install openjdk-" + minFeature + "-jdk-headless', or point FUNDGUARD_KEYCLOAK_JAVA_HOME at it"));
    }

    public static Optional<Jdk> find(int minFeature) {
        List<Path> candidates = new ArrayList<>();
        for (String env : List.of("FUNDGUARD_KEYCLOAK_JAVA_HOME", "JAVA_HOME")) {
            String v = System.getenv(env);
            if (v != null && !v.isBlank()) {
                candidates.add(Path.of(v));
            }
        }
        candidates.add(Path.of(System.getProperty("java.home")));
        Path jvmDir = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvmDir)) {
            try (Stream<Path> s = Files.list(jvmDir)) {
                s.sorted(Comparator.reverseOrder()).forEach(candidates::add);
            } catch (IOException e) {
                // an unreadable /usr/lib/jvm only means fewer candidates
            }
        }
        // JAVA_HOME (or the explicit override) wins when it is new enough; otherwise the newest found
        Optional<Jdk> preferred = candidates.stream().limit(2).map(Jdks::inspect).flatMap(Optional::stream)
                .filter(j -> j.feature() >= minFeature).findFirst();
        if (preferred.isPresent()) {
            return preferred;
        }
        return candidates.stream().map(Jdks::inspect).flatMap(Optional::stream)
                .filter(j -> j.feature() >= minFeature)
                .max(Comparator.comparingInt(Jdk::feature));
    }

    static Optional<Jdk> inspect(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release) || !Files.isExecutable(home.resolve("bin/java"))) {
            return Optional.empty();
        }
        try (var in = Files.newBufferedReader(release)) {
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("JAVA_VERSION", "").replace("\"", "");
            String feature = v.split("[.+-]")[0];
            if (feature.equals("1")) {
                feature = v.split("\\.")[1];
            }
            return Optional.of(new Jdk(home.toRealPath(), Integer.parseInt(feature)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
