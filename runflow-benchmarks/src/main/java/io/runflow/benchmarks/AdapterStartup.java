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
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * P5: one of the two startup apps ({@code runflow-benchmarks/startup-spring}, {@code
 * startup-micronaut}) started in a fresh JVM, with or without the adapter's jars on its class path.
 * The two class paths are written by those modules' builds: the app's runtime scope, and the same
 * plus exactly the jars only the adapter brings. The child prints how many classes were loaded when
 * its context was running, how long its framework's {@code run} took and the starting thread's CPU
 * time over it; the launcher also times the whole process from start to that line.
 */
final class AdapterStartup {

    /** The two apps of P5. */
    enum App {
        SPRING("spring", "io.runflow.benchmarks.startup.spring.StartupApp"),
        MICRONAUT("micronaut", "io.runflow.benchmarks.startup.micronaut.StartupApp");

        final String label;
        final String main;

        App(String label, String main) {
            this.label = label;
            this.main = main;
        }

        Path module() {
            return Path.of("runflow-benchmarks", "startup-" + label);
        }
    }

    /**
     * One start: the framework's own start-up time, the starting thread's CPU time over it and the
     * process's time to it, in milliseconds, and the classes the JVM had loaded when the context was
     * running (a figure load does not move).
     */
    record Start(double contextMillis, double cpuMillis, double processMillis, long classes) {}

    private AdapterStartup() {}

    /** Whether both apps' class-path files are there (the run script builds them). */
    static boolean built() {
        for (App app : App.values()) {
            if (!Files.isRegularFile(classPathFile(app, true)) || !Files.isRegularFile(classPathFile(app, false))) {
                return false;
            }
        }
        return true;
    }

    private static Path classPathFile(App app, boolean withAdapter) {
        return app.module().resolve("target").resolve((withAdapter ? "with" : "without") + "-adapter.classpath");
    }

    /** Starts the app once in a fresh JVM and reads what it printed. */
    static Start start(App app, boolean withAdapter) {
        String classPath;
        try {
            classPath = app.module().resolve("target").resolve("classes")
                    + File.pathSeparator
                    + Files.readString(classPathFile(app, withAdapter), StandardCharsets.UTF_8)
                            .trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long started = System.nanoTime();
        Process process = Processes.start(
                new ProcessBuilder(Processes.java(), "-cp", classPath, app.main).redirectErrorStream(true));
        List<String> lines = new ArrayList<>();
        long classes = -1;
        double cpuMillis = Double.NaN;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            process.getOutputStream().close();
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("context-ns=")) {
                    double processMillis = (System.nanoTime() - started) / 1e6;
                    double contextMillis = Long.parseLong(line.substring("context-ns=".length())) / 1e6;
                    drain(out);
                    waitFor(process);
                    return new Start(contextMillis, cpuMillis, processMillis, classes);
                }
                if (line.startsWith("classes=")) {
                    classes = Long.parseLong(line.substring("classes=".length()));
                }
                if (line.startsWith("context-cpu-ns=")) {
                    cpuMillis = Long.parseLong(line.substring("context-cpu-ns=".length())) / 1e6;
                }
                lines.add(line);
            }
            waitFor(process);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            process.destroyForcibly();
        }
        throw new IllegalStateException(String.format(
                Locale.ROOT,
                "P5 %s app (%s adapter) printed no start-up time: %s",
                app.label,
                withAdapter ? "with" : "without",
                lines));
    }

    private static void drain(BufferedReader out) throws IOException {
        while (out.readLine() != null) {
            // the child's last words; it exits by itself
        }
    }

    private static void waitFor(Process process) {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
