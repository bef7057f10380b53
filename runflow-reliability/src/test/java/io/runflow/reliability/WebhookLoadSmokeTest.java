package io.runflow.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The load test in small, so that it cannot rot: 200 runs (plus 40 duplicates, 10 forgeries, 2
 * oversized bodies) across the same three sample instances and embedded PostgreSQL as the full run.
 * It needs the samples built, as the reactor does before this module.
 */
class WebhookLoadSmokeTest {

    @Test
    void twoHundredCallbacksReachTheListenersExactlyOnceAcrossThreeInstances() throws Exception {
        // Surefire runs in this module's directory: the repository's root is its parent.
        Samples samples = new Samples(Path.of("..").toAbsolutePath().normalize(), Samples.QUICK_START);
        LoadSettings settings = LoadSettings.full().withCallbacks(200).withSenders(16);

        LoadReport report = new WebhookLoad(samples, Path.of("target/smoke-logs"), System.out).run(settings);
        System.out.println(report.markdown("Smoke run of WebhookLoadSmokeTest."));

        assertThat(report.violations()).isEmpty();
        assertThat(report.deliveredOnce()).isEqualTo(200);
        assertThat(report.requests()).isEqualTo(200 + 40 + 10 + 2);
    }
}
