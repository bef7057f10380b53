package io.runflow.reliability;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Runs the chaos scenario ({@link ChaosRun}) with transactional delivery, then the same with {@code
 * runflow.webhook.transactional=false} (mark-first, whose losses it reports), prints the summary,
 * writes it to {@code runflow-reliability/target/chaos-results.md}; exits 1 unless the transactional
 * run delivered every run's effect exactly once. {@code --mode waits} runs {@link WaitsRun} instead
 * (at most 200 waits, {@code target/waits-results.md}).
 *
 * <pre>
 * ChaosMain [--runs N] [--mode both|transactional|mark-first|waits] [--root DIR]
 * </pre>
 */
public final class ChaosMain {

    private ChaosMain() {}

    /**
     * Runs it.
     *
     * @param args the options above
     * @throws Exception if the run could not be made at all
     */
    public static void main(String[] args) throws Exception {
        int runs = 2_000;
        String mode = "both";
        Path root = Path.of("").toAbsolutePath();
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[i + 1]);
                case "--mode" -> mode = args[i + 1];
                case "--root" -> root = Path.of(args[i + 1]).toAbsolutePath();
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (args.length % 2 != 0) {
            throw new IllegalArgumentException("use --runs N, --mode both|transactional|mark-first, --root DIR");
        }
        Path target = root.resolve("runflow-reliability/target");
        ChaosRun chaos = new ChaosRun(new Samples(root, List.of()), target.resolve("chaos-logs"), System.out);
        Instant start = Instant.now();
        StringBuilder markdown = new StringBuilder();
        boolean passed = true;
        if (mode.equals("waits")) {
            WaitsRun waits = new WaitsRun(new Samples(root, List.of()), target.resolve("waits-logs"), System.out);
            markdown.append("| notify | waits | ended | p50 ms after the callback | p99 ms | max ms |"
                    + " GET /v1/runs/{id} in all | most for a run |\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
            for (String notify : List.of("postgres", "none")) {
                markdown.append(waits.run(Math.min(runs, 200), notify).markdown());
            }
            markdown.append('\n');
        }
        if (mode.equals("both") || mode.equals("transactional")) {
            ChaosRun.Report report = chaos.run(ChaosRun.Settings.full(true).withRuns(runs));
            markdown.append(report.markdown()).append('\n');
            passed = report.passed();
        }
        if (mode.equals("both") || mode.equals("mark-first")) {
            ChaosRun.Report report = chaos.run(ChaosRun.Settings.full(false).withRuns(runs));
            markdown.append(report.markdown()).append('\n');
        }
        markdown.append(String.format(
                "Run at %s, JDK %s, %d cores, load average at the end %.2f, %.0f s in all.%n",
                start.truncatedTo(ChronoUnit.SECONDS),
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage(),
                (Instant.now().toEpochMilli() - start.toEpochMilli()) / 1000.0));
        Files.createDirectories(target);
        Files.writeString(
                target.resolve(mode.equals("waits") ? "waits-results.md" : "chaos-results.md"),
                markdown,
                StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(markdown);
        System.exit(passed ? 0 : 1);
    }
}
