package org.fundguard.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A built Quarkus module ({@code <module>/target/quarkus-app/quarkus-run.jar}) run as its own process until ready. */
public final class ServiceProcess {

    private ServiceProcess() {
    }

    public static Path runJar(Path root, String module) {
        return root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /**
     * Starts the module with {@code env} (QUARKUS_HTTP_PORT among it) and waits for {@code /q/health/ready};
     * a process that does not become ready is stopped before the failure is reported.
     */
    public static ManagedProcess start(Path root, String module, String name, int port, Map<String, String> env, Path log) {
        Path jar = runJar(root, module);
        if (!Files.isRegularFile(jar)) {
            throw new StackException(module + " is not built: run ./mvnw -DskipTests package");
        }
        // the whole heap from the start: grown from a small one, the young generation stays small and a service
        // answering a few hundred requests a second collects several times a second, each pause delaying every answer
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms384m", "-Xmx384m", "-jar", jar.toString());
        ManagedProcess p = ManagedProcess.start(name, cmd, env, root.resolve(module), log);
        try {
            p.awaitReady(Duration.ofSeconds(120), () -> ManagedProcess.httpOk("http://127.0.0.1:" + port + "/q/health/ready"));
        } catch (StackException e) {
            p.stop(Duration.ofSeconds(10));
            throw e;
        }
        return p;
    }
}
