package io.runflow.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The chaos run in small, so that it cannot rot: 200 runs created through the same three sample
 * instances on one embedded PostgreSQL, one instance killed with SIGKILL during deliveries and
 * started again, a 10 s outage of every instance; each run's listener effect must be in the
 * database exactly once. It needs the samples built, as the reactor does before this module.
 */
class ChaosSmokeTest {

    @Test
    void everyRunHasExactlyOneEffectAfterAKillAndAnOutage() throws Exception {
        // Surefire runs in this module's directory: the repository's root is its parent.
        Samples samples = new Samples(Path.of("..").toAbsolutePath().normalize(), Samples.QUICK_START);

        ChaosRun.Report report = new ChaosRun(samples, Path.of("target/chaos-smoke-logs"), System.out)
                .run(ChaosRun.Settings.full(true).withRuns(200));
        System.out.println(report.markdown());

        assertThat(report.created()).isEqualTo(200);
        assertThat(report.exactlyOnce()).isEqualTo(200);
        assertThat(report.missing()).isZero();
        assertThat(report.duplicated()).isZero();
        assertThat(report.ledgerLeft()).isZero();
    }
}
