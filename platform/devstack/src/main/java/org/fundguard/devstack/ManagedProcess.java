package org.fundguard.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** A child process with its output in a log file, started and stopped with everything it spawned. */
public final class ManagedProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Process process;
    private final Path log;

    private ManagedProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    public static ManagedProcess start(String name, List<String> command, Map<String, String> env, Path workDir, Path log) {
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder pb = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            pb.environment().putAll(env);
            return new ManagedProcess(name, pb.start(), log);
        } catch (IOException e) {
            throw new StackException("could not start " + name + ": " + e.getMessage(), e);
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until {@code ready} holds, failing early if the process dies. */
    public void awaitReady(Duration timeout, BooleanSupplier ready) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new StackException(name + " exited with code " + process.exitValue() + " while starting: see " + log);
            }
            if (ready.getAsBoolean()) {
                return;
            }
            pause(250);
        }
        throw new StackException(name + " was not ready within " + timeout.toSeconds() + " s: see " + log);
    }

    public boolean logContains(String text) {
        try {
            return Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    /** Stops the process and all its descendants: TERM first, KILL after a grace period. */
    public void stop(Duration grace) {
        stopTree(process.toHandle(), grace);
    }

    public static void stopTree(ProcessHandle root, Duration grace) {
        List<ProcessHandle> tree = new java.util.ArrayList<>(root.descendants().toList());
        tree.add(0, root);
        tree.forEach(ProcessHandle::destroy);
        Instant deadline = Instant.now().plus(grace);
        for (ProcessHandle h : tree) {
            long left = Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
            try {
                h.onExit().get(left, TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                h.destroyForcibly();
            }
        }
        tree.forEach(h -> {
            if (h.isAlive()) {
                h.destroyForcibly();
            }
        });
    }

    /**
     * {@code kill -9} of {@code pid} and every process it spawned, at once, as a crash would end them; returns once
     * they are all gone.
     */
    public static void kill9(long pid) {
        ProcessHandle root = ProcessHandle.of(pid).orElseThrow(() -> new StackException("no process " + pid));
        List<ProcessHandle> tree = new java.util.ArrayList<>(root.descendants().toList());
        tree.add(0, root);
        List<String> cmd = new java.util.ArrayList<>(List.of("kill", "-9"));
        tree.forEach(h -> cmd.add(Long.toString(h.pid())));
        try {
            Process k = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            k.getInputStream().readAllBytes();
            k.waitFor(10, TimeUnit.SECONDS);
            for (ProcessHandle h : tree) {
                h.onExit().get(10, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new StackException("kill -9 " + pid + " failed: " + e, e);
        }
    }

    public static boolean httpOk(String url) {
        try {
            HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted");
        }
    }
}
