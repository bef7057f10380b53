package io.runflow.spring;

import io.runflow.testkit.FakeRunflowServer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Measures what the starter adds to the start-up of a minimal context (no web server, auto-configuration
 * on): the same application started alternately with and without the Runflow auto-configurations,
 * after a warm-up, in one JVM; prints the medians. Not a test: run it by hand (see the README).
 */
final class StartupCostMeasurement {

    private static final String EXCLUDE_RUNFLOW = "spring.autoconfigure.exclude="
            + String.join(
                    ",",
                    RunflowAutoConfiguration.class.getName(),
                    RunflowMetricsAutoConfiguration.class.getName(),
                    RunflowWebhookAutoConfiguration.class.getName(),
                    RunflowWebhookEndpointAutoConfiguration.class.getName(),
                    RunflowHealthAutoConfiguration.class.getName(),
                    RunflowActuatorAutoConfiguration.class.getName());

    @SpringBootConfiguration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class Minimal {}

    private StartupCostMeasurement() {}

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        try (FakeRunflowServer fake = FakeRunflowServer.builder().build()) {
            String[] runflow = {
                "--runflow.api-key=" + fake.apiKey(),
                "--runflow.base-url=" + fake.baseUrl(),
                "--runflow.webhook.secrets=" + fake.webhookSecret(),
                "--logging.level.root=WARN",
                "--spring.main.banner-mode=off"
            };
            String[] without = Arrays.copyOf(runflow, runflow.length + 1);
            without[runflow.length] = "--" + EXCLUDE_RUNFLOW;
            for (int i = 0; i < 10; i++) {
                start(runflow);
                start(without);
            }
            List<Long> with = new ArrayList<>();
            List<Long> bare = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                with.add(start(runflow));
                bare.add(start(without));
            }
            long withMedian = median(with);
            long bareMedian = median(bare);
            System.out.printf(
                    "minimal context, median of %d warm starts: without Runflow %.1f ms, with Runflow %.1f ms,"
                            + " the starter adds %.1f ms%n",
                    rounds, bareMedian / 1e6, withMedian / 1e6, (withMedian - bareMedian) / 1e6);
        }
    }

    @SuppressWarnings("try") // the context is only started and closed
    private static long start(String[] args) {
        long start = System.nanoTime();
        SpringApplication application = new SpringApplication(Minimal.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        try (ConfigurableApplicationContext context = application.run(args)) {
            return System.nanoTime() - start;
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }
}
