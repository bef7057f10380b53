package io.runflow.benchmarks;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * P7: what the testkit adds to a user's test run. Each suite ({@link RunflowTestSuite} with the
 * testkit, {@link JdkHttpServerSuite} hand-stubbed) runs in a fresh JVM through {@link SuiteMain},
 * with the class path a user's test run of it has: JUnit, the SDK, its transport, Jackson, an SLF4J
 * binding, and the testkit only for the suite that uses it. The process is timed from {@link
 * ProcessBuilder#start()} to its exit; the child reports the launcher's own times.
 */
final class TestSuiteCost {

    /** The two suites of P7. */
    enum Suite {
        TESTKIT("@RunflowTest", RunflowTestSuite.class, true),
        STUB("JDK HttpServer stub", JdkHttpServerSuite.class, false);

        final String label;
        final Class<?> type;
        final boolean testkit;

        Suite(String label, Class<?> type, boolean testkit) {
            this.label = label;
            this.type = type;
            this.testkit = testkit;
        }
    }

    /** One run of one suite in its own JVM. */
    record Measurement(double processMillis, SuiteMain.Result result) {

        /** The median of the suite's per-test times. */
        double medianTestMillis() {
            return Main.median(result.testMillis());
        }
    }

    /** Jars (by file-name prefix) both suites need besides this module; the testkit is added for A. */
    private static final List<String> COMMON = List.of(
            "junit-jupiter-api-",
            "junit-jupiter-engine-",
            "junit-platform-commons-",
            "junit-platform-engine-",
            "junit-platform-launcher-",
            "opentest4j-",
            "apiguardian-api-",
            "runflow-core-",
            "runflow-feign-",
            "feign-core-",
            "feign-java11-",
            "feign-slf4j-",
            "slf4j-api-",
            "slf4j-nop-",
            "jackson-");

    private TestSuiteCost() {}

    /** The class path of a suite's JVM. */
    static String classPath(Suite suite) {
        List<String> prefixes = new ArrayList<>(COMMON);
        if (suite.testkit) {
            prefixes.add("runflow-testkit-");
        }
        List<String> entries = new ArrayList<>();
        entries.add(Processes.ownCodeSource());
        String[] all = System.getProperty("java.class.path").split(File.pathSeparator);
        for (String prefix : prefixes) {
            boolean found = false;
            for (String entry : all) {
                if (matches(entry, prefix) && !entries.contains(entry)) {
                    entries.add(entry);
                    found = true;
                }
            }
            if (!found && entries.stream().noneMatch(entry -> matches(entry, prefix))) {
                throw new IllegalStateException("no " + prefix + "* on the class path");
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    /**
     * Whether a class-path entry is the jar with that prefix, or (in a reactor build that has not
     * packaged yet) that module's {@code target/classes}.
     */
    private static boolean matches(String entry, String prefix) {
        Path path = Paths.get(entry);
        String name = path.getFileName().toString();
        if (name.endsWith(".jar")) {
            return name.startsWith(prefix);
        }
        Path module = path.getParent() == null ? null : path.getParent().getParent();
        return name.equals("classes")
                && module != null
                && module.getFileName() != null
                && (module.getFileName() + "-").equals(prefix);
    }

    /** Every round's figures of both suites. */
    record Rounds(List<Measurement> testkit, List<Measurement> stub) {

        /** Per round, a figure of the testkit's suite over the same figure of the stub's. */
        List<Double> ratios(ToDoubleFunction<Measurement> figure) {
            List<Double> out = new ArrayList<>();
            for (int i = 0; i < testkit.size(); i++) {
                out.add(figure.applyAsDouble(testkit.get(i)) / figure.applyAsDouble(stub.get(i)));
            }
            return out;
        }

        /** The median over the rounds of one suite's figure. */
        static double median(List<Measurement> suite, ToDoubleFunction<Measurement> figure) {
            List<Double> values = new ArrayList<>();
            for (Measurement m : suite) {
                values.add(figure.applyAsDouble(m));
            }
            return Main.median(values);
        }

        /** P7's figures column: the median milliseconds of both suites, and the classes loaded. */
        String figures() {
            return String.format(
                    Locale.ROOT,
                    "%d rounds, a fresh JVM per suite run, 20 tests each creating and awaiting a FLUX Ultra run;"
                            + " median ms, @RunflowTest / JDK HttpServer stub: process %.0f / %.0f, launcher %.0f /"
                            + " %.0f, per test %.1f / %.1f (first test %.0f / %.0f); classes loaded %.0f / %.0f",
                    testkit.size(),
                    median(testkit, Measurement::processMillis),
                    median(stub, Measurement::processMillis),
                    median(testkit, m -> m.result().executionMillis()),
                    median(stub, m -> m.result().executionMillis()),
                    median(testkit, Measurement::medianTestMillis),
                    median(stub, Measurement::medianTestMillis),
                    median(testkit, m -> m.result().testMillis().get(0)),
                    median(stub, m -> m.result().testMillis().get(0)),
                    median(testkit, m -> m.result().classesLoaded()),
                    median(stub, m -> m.result().classesLoaded()));
        }

        /** P7-cpu's figures column. */
        String cpuFigures() {
            return String.format(
                    Locale.ROOT,
                    "CPU ms %.0f / %.0f",
                    median(testkit, m -> m.result().cpuMillis()),
                    median(stub, m -> m.result().cpuMillis()));
        }
    }

    /**
     * Runs both suites once per round, in the order A B, B A, A B... (so neither always runs first
     * on a warmer machine), after one uncounted round that warms the page cache.
     *
     * @param rounds counted rounds
     * @param countFirst whether the first round counts too (a smoke run has only one)
     * @return the counted rounds
     */
    static Rounds measure(int rounds, boolean countFirst) {
        List<Measurement> testkit = new ArrayList<>();
        List<Measurement> stub = new ArrayList<>();
        for (int round = countFirst ? 1 : 0; round <= rounds; round++) {
            boolean testkitFirst = round % 2 == 0;
            Measurement first = run(testkitFirst ? Suite.TESTKIT : Suite.STUB, List.of());
            Measurement second = run(testkitFirst ? Suite.STUB : Suite.TESTKIT, List.of());
            Measurement a = testkitFirst ? first : second;
            Measurement b = testkitFirst ? second : first;
            System.out.printf(
                    Locale.ROOT,
                    "P7 round %d/%d (@RunflowTest / JDK HttpServer stub): process ms %.0f / %.0f, CPU ms %.0f / %.0f,"
                            + " launcher ms %.0f / %.0f, class set-up ms %.0f / %.0f, first test ms %.0f / %.0f,"
                            + " median test ms %.2f / %.2f, classes %d / %d%n",
                    round,
                    rounds,
                    a.processMillis(),
                    b.processMillis(),
                    a.result().cpuMillis(),
                    b.result().cpuMillis(),
                    a.result().executionMillis(),
                    b.result().executionMillis(),
                    a.result().setUpMillis(),
                    b.result().setUpMillis(),
                    a.result().testMillis().get(0),
                    b.result().testMillis().get(0),
                    a.medianTestMillis(),
                    b.medianTestMillis(),
                    a.result().classesLoaded(),
                    b.result().classesLoaded());
            if (round == 0) {
                continue;
            }
            testkit.add(a);
            stub.add(b);
        }
        return new Rounds(testkit, stub);
    }

    /** Runs the suite once in a fresh JVM and reads its figures. */
    static Measurement run(Suite suite, List<String> jvmArgs) {
        List<String> command = new ArrayList<>();
        command.add(Processes.java());
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(classPath(suite));
        command.add(SuiteMain.class.getName());
        command.add(suite.type.getName());
        long started = System.nanoTime();
        Process process = Processes.start(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT));
        List<String> lines = new ArrayList<>();
        try {
            process.getOutputStream().close();
            try (BufferedReader out =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.add(line);
                }
            }
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                throw new IllegalStateException(suite.label + " did not end in 5 minutes");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }
        double processMillis = (System.nanoTime() - started) / 1e6;
        SuiteMain.Result result = parse(lines);
        if (process.exitValue() != 0 || !result.failures().isEmpty()) {
            throw new IllegalStateException(
                    String.format(Locale.ROOT, "%s exited with %d: %s", suite.label, process.exitValue(), lines));
        }
        return new Measurement(processMillis, result);
    }

    static SuiteMain.Result parse(List<String> lines) {
        double discovery = Double.NaN;
        double execution = Double.NaN;
        double setUp = Double.NaN;
        double cpu = Double.NaN;
        List<Double> tests = new ArrayList<>();
        int succeeded = 0;
        List<String> failures = new ArrayList<>();
        long classes = -1;
        for (String line : lines) {
            int equals = line.indexOf('=');
            if (equals < 0) {
                continue;
            }
            String name = line.substring(0, equals);
            String value = line.substring(equals + 1);
            switch (name) {
                case "discoveryMillis" -> discovery = Double.parseDouble(value);
                case "executionMillis" -> execution = Double.parseDouble(value);
                case "setUpMillis" -> setUp = Double.parseDouble(value);
                case "cpuMillis" -> cpu = Double.parseDouble(value);
                case "testMillis" -> tests.add(Double.parseDouble(value));
                case "succeeded" -> succeeded = Integer.parseInt(value);
                case "failure" -> failures.add(value);
                case "classesLoaded" -> classes = Long.parseLong(value);
                default -> {
                    // another line of the child's
                }
            }
        }
        return new SuiteMain.Result(discovery, execution, setUp, tests, succeeded, failures, classes, cpu);
    }
}
