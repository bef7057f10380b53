package io.runflow.benchmarks;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * P6: the webhook app of {@code runflow-benchmarks/webhook-spring} (the starter's route and a bare
 * {@code @PostMapping} in one Tomcat) started in a fresh JVM with that module's class path, once per
 * store; the child prints one line of figures per round, read here into lists by name.
 */
final class WebhookEndpointRuns {

    private static final Path MODULE = Path.of("runflow-benchmarks", "webhook-spring");
    private static final String MAIN = "io.runflow.benchmarks.webhook.spring.WebhookLoadMain";

    private WebhookEndpointRuns() {}

    /** Whether the app's class-path file is there (the run script builds it). */
    static boolean built() {
        return Files.isRegularFile(classPathFile());
    }

    private static Path classPathFile() {
        return MODULE.resolve("target").resolve("webhook-spring.classpath");
    }

    /**
     * Runs the app with one store and returns each figure's per-round values ({@code runflow}, {@code
     * bare}: requests per second; {@code runflowAlloc}, {@code bareAlloc}: bytes per request;
     * {@code runflowCpu}, {@code bareCpu}: CPU µs per request).
     *
     * @param store {@code memory} or {@code jdbc}
     */
    static Map<String, List<Double>> run(String store, int rounds, int calls, int warmup) {
        String classPath;
        try {
            classPath = MODULE.resolve("target").resolve("classes")
                    + File.pathSeparator
                    + Files.readString(classPathFile(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = List.of(
                Processes.java(),
                "-Xms512m",
                "-Xmx512m",
                "-cp",
                classPath,
                MAIN,
                store,
                String.valueOf(rounds),
                String.valueOf(calls),
                String.valueOf(warmup));
        Map<String, List<Double>> figures = new HashMap<>();
        List<String> other = new ArrayList<>();
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            try (BufferedReader out =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.startsWith("round=") || line.startsWith("delivered=")) {
                        System.out.println("P6 " + store + " " + line);
                        for (String pair : line.split(" ")) {
                            String[] parts = pair.split("=");
                            figures.computeIfAbsent(parts[0], k -> new ArrayList<>())
                                    .add(Double.parseDouble(parts[1]));
                        }
                    } else {
                        other.add(line);
                    }
                }
            }
            int exit = process.waitFor();
            if (exit != 0 || !figures.containsKey("delivered")) {
                throw new IllegalStateException(
                        String.format(Locale.ROOT, "P6 %s app exited with %d: %s", store, exit, tail(other)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (!figures.get("delivered").equals(figures.get("sent"))) {
            throw new IllegalStateException("P6 " + store + ": the listener heard " + figures.get("delivered")
                    + " callbacks of " + figures.get("sent") + " sent");
        }
        return figures;
    }

    private static List<String> tail(List<String> lines) {
        return lines.subList(Math.max(0, lines.size() - 40), lines.size());
    }
}
