package io.runflow.reliability;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Runs the webhook load test and prints its summary, also written to {@code
 * runflow-reliability/target/results.md}; exits 1 if any check failed.
 *
 * <pre>
 * Main [--callbacks N] [--senders N] [--seed N] [--root DIR]
 * </pre>
 *
 * <p>Defaults: {@link LoadSettings#full()}, the root the current directory (the repository's).
 */
public final class Main {

    private Main() {}

    /**
     * Runs it.
     *
     * @param args the options above
     * @throws Exception if the run could not be made at all
     */
    public static void main(String[] args) throws Exception {
        LoadSettings settings = LoadSettings.full();
        Path root = Path.of("").toAbsolutePath();
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--callbacks" -> settings = settings.withCallbacks(Integer.parseInt(required(args[i], value)));
                case "--senders" -> settings = settings.withSenders(Integer.parseInt(required(args[i], value)));
                case "--seed" -> settings = settings.withSeed(Long.parseLong(required(args[i], value)));
                case "--root" -> root = Path.of(required(args[i], value)).toAbsolutePath();
                default ->
                    throw new IllegalArgumentException(
                            "unknown option " + args[i] + "; use --callbacks N, --senders N, --seed N, --root DIR");
            }
            i++;
        }
        Path target = root.resolve("runflow-reliability/target");
        Instant start = Instant.now();
        LoadReport report =
                new WebhookLoad(new Samples(root, List.of()), target.resolve("load-logs"), System.out).run(settings);
        String context = String.format(
                "Run of %s at %s, JDK %s, %d cores, load average at the end %.2f; seed %d," + " %.0f s in all.",
                "runflow-reliability/run",
                start.truncatedTo(ChronoUnit.SECONDS),
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage(),
                settings.seed(),
                (Instant.now().toEpochMilli() - start.toEpochMilli()) / 1000.0);
        String markdown = report.markdown(context);
        Files.createDirectories(target);
        Files.writeString(target.resolve("results.md"), markdown, StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(markdown);
        System.exit(report.passed() ? 0 : 1);
    }

    private static String required(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }
}
