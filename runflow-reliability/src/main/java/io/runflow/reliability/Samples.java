package io.runflow.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where the samples' classes and class paths are (written by their builds), and how each is started
 * for the load test: the sample's own runtime class path plus the JDBC jars of this module's {@code
 * target/launch/<sample>/} (pool and driver), {@code runflow.webhook.dedup=jdbc} on the shared
 * database, the webhook secret and the fake API in the variables a deployment would set.
 */
final class Samples {

    static final String SPRING_MAIN = "io.runflow.examples.spring.ImagesApplication";
    static final String MICRONAUT_MAIN = "io.runflow.examples.micronaut.ImagesApplication";

    /** For short runs whose figures mean nothing: C1 only and the serial collector start faster. */
    static final List<String> QUICK_START = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private final Path root;
    private final List<String> jvmOptions;

    /**
     * @param root the repository's root directory (where the modules are)
     * @param jvmOptions options for each sample's JVM besides its heap size
     */
    Samples(Path root, List<String> jvmOptions) {
        this.root = root;
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    SampleInstance spring(String name, Connection connection, Path logs) {
        return spring(name, connection, logs, List.of(), 0);
    }

    /**
     * A Spring instance with further arguments, on {@code port} (0: a free one).
     */
    SampleInstance spring(String name, Connection connection, Path logs, List<String> extra, int port) {
        List<String> args = new ArrayList<>(List.of(
                "--server.address=127.0.0.1",
                "--runflow.webhook.dedup=jdbc",
                "--spring.datasource.url=" + connection.jdbcUrl(),
                "--spring.datasource.username=" + connection.user()));
        args.addAll(extra);
        return start(name, SPRING_MAIN, classPath("runflow-examples-spring", "spring"), args, connection, logs, port);
    }

    SampleInstance micronaut(String name, Connection connection, Path logs) {
        return micronaut(name, connection, logs, List.of(), 0);
    }

    /**
     * A Micronaut instance with further arguments, on {@code port} (0: a free one).
     */
    SampleInstance micronaut(String name, Connection connection, Path logs, List<String> extra, int port) {
        List<String> args = new ArrayList<>(List.of(
                "--micronaut.server.host=127.0.0.1",
                "--runflow.webhook.dedup=jdbc",
                "--datasources.default.url=" + connection.jdbcUrl(),
                "--datasources.default.username=" + connection.user(),
                "--datasources.default.driver-class-name=org.postgresql.Driver"));
        args.addAll(extra);
        return start(
                name,
                MICRONAUT_MAIN,
                classPath("runflow-examples-micronaut", "micronaut"),
                args,
                connection,
                logs,
                port);
    }

    private SampleInstance start(
            String name,
            String main,
            List<String> classPath,
            List<String> args,
            Connection connection,
            Path logs,
            int port) {
        return port == 0
                ? SampleInstance.start(name, main, jvmOptions, classPath, args, connection.environment(), logs)
                : SampleInstance.start(name, main, jvmOptions, classPath, args, connection.environment(), logs, port);
    }

    List<String> classPath(String module, String launch) {
        Path moduleDir = root.resolve(module);
        Path file = moduleDir.resolve("target/classpath.txt");
        Path jars = root.resolve("runflow-reliability/target/launch").resolve(launch);
        if (!Files.isRegularFile(file) || !Files.isDirectory(moduleDir.resolve("target/classes"))) {
            throw new IllegalStateException("no " + file + ": build the samples first (runflow-reliability/run does)");
        }
        if (!Files.isDirectory(jars)) {
            throw new IllegalStateException("no " + jars + ": build runflow-reliability first (process-classes)");
        }
        List<String> entries = new ArrayList<>();
        entries.add(moduleDir.resolve("target/classes").toString());
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).trim();
            entries.addAll(Arrays.asList(text.split(java.io.File.pathSeparator)));
            try (Stream<Path> list = Files.list(jars)) {
                list.filter(jar -> jar.toString().endsWith(".jar"))
                        .sorted()
                        .forEach(jar -> entries.add(jar.toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    /**
     * What every instance is given: the database, the fake API the sample's client talks to, and the
     * webhook secret.
     */
    record Connection(String jdbcUrl, String user, String apiBaseUrl, String apiKey, String webhookSecret) {

        Map<String, String> environment() {
            return Map.of(
                    "RUNFLOW_API_KEY", apiKey,
                    "RUNFLOW_BASE_URL", apiBaseUrl,
                    "RUNFLOW_WEBHOOK_SECRET", webhookSecret);
        }

        @Override
        public String toString() {
            return "Connection[" + jdbcUrl + ", api=" + apiBaseUrl + ", secrets redacted]";
        }
    }
}
