package io.runflow.benchmarks;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * P7's child: runs one JUnit class through the JUnit Platform Launcher, as a build tool or an IDE
 * does, and prints what it took: discovery, execution (from the launcher's start to its end, the
 * class's set-up and tear-down included), each test from its start to its end (the extension's
 * before- and after-each callbacks and parameter resolution included) and the classes the JVM
 * loaded and the CPU time the process used. The parent times the whole process.
 */
public final class SuiteMain {

    /** What one run of a suite took. */
    record Result(
            double discoveryMillis,
            double executionMillis,
            double setUpMillis,
            List<Double> testMillis,
            int succeeded,
            List<String> failures,
            long classesLoaded,
            double cpuMillis) {}

    private SuiteMain() {}

    /**
     * Runs the class named by the first argument and prints its figures, one {@code name=value} a line.
     *
     * @param args the JUnit class's name
     * @throws Exception if the class cannot be found
     */
    public static void main(String[] args) throws Exception {
        Result result = run(Class.forName(args[0]));
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "discoveryMillis=%.3f%n", result.discoveryMillis()));
        out.append(String.format(Locale.ROOT, "executionMillis=%.3f%n", result.executionMillis()));
        out.append(String.format(Locale.ROOT, "setUpMillis=%.3f%n", result.setUpMillis()));
        for (double millis : result.testMillis()) {
            out.append(String.format(Locale.ROOT, "testMillis=%.3f%n", millis));
        }
        out.append("succeeded=").append(result.succeeded()).append('\n');
        for (String failure : result.failures()) {
            out.append("failure=").append(failure).append('\n');
        }
        out.append("classesLoaded=").append(result.classesLoaded()).append('\n');
        out.append(String.format(Locale.ROOT, "cpuMillis=%.3f%n", result.cpuMillis()));
        System.out.print(out);
        System.out.flush();
        // A suite's own threads (a server's, a client's) must not keep the JVM up: the launcher is done.
        System.exit(result.failures().isEmpty() ? 0 : 1);
    }

    /**
     * Runs the class through a new launcher, in this JVM.
     *
     * @param suite the JUnit class
     * @return its figures, tests in the order they ran
     */
    static Result run(Class<?> suite) {
        long started = System.nanoTime();
        Launcher launcher = LauncherFactory.create();
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(suite))
                .build();
        TestPlan plan = launcher.discover(request);
        long discovered = System.nanoTime();
        Timings timings = new Timings();
        launcher.execute(plan, timings);
        long executed = System.nanoTime();
        return new Result(
                (discovered - started) / 1e6,
                (executed - discovered) / 1e6,
                (timings.firstTest - timings.classStarted) / 1e6,
                timings.testMillis,
                timings.succeeded,
                timings.failures,
                ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount(),
                processCpuNanos() / 1e6);
    }

    /** The CPU time of the whole process so far (every thread: JIT compilers and GC included). */
    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /** Times each test from its start to its end, and the class's set-up before its first test. */
    private static final class Timings implements TestExecutionListener {

        private final Map<String, Long> starts = new ConcurrentHashMap<>();
        long classStarted;
        long firstTest;
        final List<Double> testMillis = new ArrayList<>();
        final List<String> failures = new ArrayList<>();
        int succeeded;

        @Override
        public void executionStarted(TestIdentifier test) {
            long now = System.nanoTime();
            if (test.isTest()) {
                starts.put(test.getUniqueId(), now);
                if (firstTest == 0) {
                    firstTest = now;
                }
            } else if (test.getSource().filter(ClassSource.class::isInstance).isPresent()) {
                classStarted = now;
            }
        }

        @Override
        public synchronized void executionFinished(TestIdentifier test, TestExecutionResult result) {
            if (test.isTest()) {
                testMillis.add((System.nanoTime() - starts.get(test.getUniqueId())) / 1e6);
            }
            if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
                succeeded += test.isTest() ? 1 : 0;
            } else {
                failures.add(test.getDisplayName() + ": "
                        + result.getThrowable()
                                .map(Throwable::toString)
                                .orElse(result.getStatus().toString()));
            }
        }
    }
}
