package io.runflow.feign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.runflow.PollPolicy;
import io.runflow.RunflowClient;
import io.runflow.catalog.FluxProUltra;
import io.runflow.model.Run;
import io.runflow.model.RunStatus;
import io.runflow.testkit.FakeRunflowServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import jdk.jfr.consumer.RecordingStream;
import org.junit.jupiter.api.Test;

/**
 * Nothing the SDK does pins a virtual thread: 1,000 concurrent {@code run(..)} calls, each on its own
 * virtual thread, with the client's default executor (virtual threads too), and no {@code
 * jdk.VirtualThreadPinned} event. On JDK 21 to 23 the build also passes {@code
 * -Djdk.tracePinnedThreads=full} (the {@code virtual-threads} profile) and the test checks that it
 * printed nothing. Skipped on JDK 17, which has no virtual threads.
 */
class VirtualThreadPinningTest {

    private static final int CALLS = 1_000;

    @Test
    void thousandConcurrentRunsOnVirtualThreadsPinNothing() throws Exception {
        assumeTrue(Runtime.version().feature() >= 21, "virtual threads need JDK 21 or later");
        List<String> pinned = new CopyOnWriteArrayList<>();
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (FakeRunflowServer server = FakeRunflowServer.builder()
                        .phases(Duration.ZERO, Duration.ZERO, Duration.ZERO)
                        .build();
                RunflowClient runflow = RunflowClient.builder()
                        .apiKey(server.apiKey())
                        .baseUrl(server.baseUrl())
                        .pollPolicy(PollPolicy.builder()
                                .initialInterval(Duration.ofMillis(10))
                                .maxInterval(Duration.ofMillis(50))
                                .build())
                        .build()) {
            ExecutorService callers = virtualThreadPerTask();
            // Classes load and initialise once, outside the recording: a thread waiting for another's
            // class initialisation is the JDK's business, not the SDK's.
            assertThat(runflow.runs().run(FluxProUltra.input("warm-up")).status())
                    .isEqualTo(RunStatus.SUCCEEDED);
            try (RecordingStream recording = new RecordingStream()) {
                recording
                        .enable("jdk.VirtualThreadPinned")
                        .withThreshold(Duration.ZERO)
                        .withStackTrace();
                recording.onEvent(
                        "jdk.VirtualThreadPinned", event -> pinned.add(String.valueOf(event.getStackTrace())));
                AtomicInteger flushes = new AtomicInteger();
                recording.onFlush(flushes::incrementAndGet);
                recording.startAsync();
                System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
                List<Future<Run>> runs = new ArrayList<>();
                for (int i = 0; i < CALLS; i++) {
                    String prompt = "fox " + i;
                    runs.add(callers.submit(() -> runflow.runs().run(FluxProUltra.input(prompt))));
                }
                for (Future<Run> run : runs) {
                    assertThat(run.get().status()).isEqualTo(RunStatus.SUCCEEDED);
                }
                // Events reach the stream at its flushes (about one a second): wait for two more.
                int seen = flushes.get();
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (flushes.get() < seen + 2 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
            } finally {
                System.setOut(out);
                callers.shutdownNow();
            }
        }
        assertThat(pinned).isEmpty();
        assertThat(printed.toString(StandardCharsets.UTF_8)).doesNotContain("monitors:");
    }

    private static ExecutorService virtualThreadPerTask() throws ReflectiveOperationException {
        return (ExecutorService)
                Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
    }
}
