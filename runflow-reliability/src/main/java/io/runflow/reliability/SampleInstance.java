package io.runflow.reliability;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One sample application in its own JVM on a free loopback port, its output in a log file. Closing
 * it ends the process (and a shutdown hook does, should the harness itself be stopped).
 */
final class SampleInstance implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;
    private final Thread hook;

    private SampleInstance(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
        this.hook = new Thread(this::destroy, "stop-" + name);
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * Starts a sample's main in a fresh JVM.
     *
     * @param env variables set for the child, after every inherited {@code RUNFLOW_*}, {@code
     *     SPRING_*}, {@code MICRONAUT_*} and {@code DATASOURCES_*} one is removed
     */
    static SampleInstance start(
            String name,
            String mainClass,
            List<String> jvmOptions,
            List<String> classPath,
            List<String> args,
            Map<String, String> env,
            Path logDirectory) {
        return start(name, mainClass, jvmOptions, classPath, args, env, logDirectory, freePort());
    }

    /** As above, on the given port (a restarted instance takes its predecessor's). */
    static SampleInstance start(
            String name,
            String mainClass,
            List<String> jvmOptions,
            List<String> classPath,
            List<String> args,
            Map<String, String> env,
            Path logDirectory,
            int port) {
        Path log = logDirectory.resolve(name + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classPath));
        command.add(mainClass);
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.environment()
                .keySet()
                .removeIf(key -> key.startsWith("RUNFLOW_")
                        || key.startsWith("SPRING_")
                        || key.startsWith("MICRONAUT_")
                        || key.startsWith("DATASOURCES_")
                        || key.equals("PORT"));
        builder.environment().putAll(env);
        builder.environment().put("PORT", Integer.toString(port));
        try {
            Files.createDirectories(logDirectory);
            return new SampleInstance(name, port, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    String name() {
        return name;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /**
     * Waits until {@code GET /callbacks} answers 200. Between attempts it waits on the process's
     * exit, so a child that dies is reported at once, with the end of its log.
     */
    void awaitReady(HttpClient http) throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        HttpRequest probe = HttpRequest.newBuilder(uri("/callbacks"))
                .timeout(Duration.ofSeconds(5))
                .build();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            try {
                process.onExit().get(100, TimeUnit.MILLISECONDS);
                throw new IllegalStateException(
                        name + " exited with " + process.exitValue() + " while starting:\n" + tail());
            } catch (TimeoutException stillRunning) {
                // try again
            } catch (ExecutionException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException(name + " did not answer within " + START_TIMEOUT + ":\n" + tail());
    }

    /** The last lines of the child's output. */
    String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    Path log() {
        return log;
    }

    int port() {
        return port;
    }

    /** Ends the process with SIGKILL, at once, and waits until it is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Asks the process to end (SIGTERM) without waiting, so that several instances stop at once. */
    void stop() {
        process.destroy();
    }

    @Override
    public void close() {
        destroy();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
    }

    private void destroy() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return name + "@" + port;
    }
}
