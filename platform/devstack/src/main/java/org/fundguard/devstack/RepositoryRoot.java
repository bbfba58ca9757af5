package org.fundguard.devstack;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the FundGuard checkout is, for tools and tests that read its files (the realm, k8s/, modules). */
public final class RepositoryRoot {

    private RepositoryRoot() {
    }

    /** {@code -Dfundguard.root} (the parent POM passes it to tests), else the nearest folder upwards with .mvn and pom.xml. */
    public static Path find() {
        String prop = System.getProperty("fundguard.root");
        if (prop != null && !prop.isBlank() && !prop.contains("${")) {
            return Path.of(prop).toAbsolutePath().normalize();
        }
        Path dir = Path.of("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve(".mvn")) && Files.isRegularFile(d.resolve("pom.xml"))) {
                return d;
            }
        }
        throw new StackException("cannot find the FundGuard repository root from " + dir + "; set -Dfundguard.root");
    }
}
