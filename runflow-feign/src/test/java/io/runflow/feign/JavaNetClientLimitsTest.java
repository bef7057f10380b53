package io.runflow.feign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.runflow.RetryPolicy;
import io.runflow.catalog.FluxProUltra;
import io.runflow.errors.RunflowDecodingException;
import io.runflow.errors.RunflowIoException;
import io.runflow.errors.ServerException;
import io.runflow.model.ListQuery;
import io.runflow.model.Run;
import io.runflow.testkit.FakeRunflowServer;
import io.runflow.testkit.Fault;
import java.net.http.HttpClient;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SDK client's two bounds on an answer, with a 4 KiB limit instead of 16 MiB: how much of a
 * body it reads, and how long the whole answer may take.
 */
class JavaNetClientLimitsTest {

    static final int LIMIT = 4096;
    static final String TOO_LARGE =
            "the answer is larger than 4096 bytes, the most this client reads; not read further";

    static final FakeRunflowServer server =
            FakeRunflowServer.builder().deterministic().build();

    final FeignTests.RecordingSleeper sleeper = new FeignTests.RecordingSleeper();
    RunflowFeign api;

    @BeforeEach
    void start() {
        // The same connect timeout as the options, so the client is used rather than Feign's fallback.
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        api = RunflowFeign.create(
                FeignTests.options(
                        server.baseUrl(), server.apiKey(), null, RetryPolicy.none(), Duration.ofMillis(500), sleeper),
                builder -> builder.client(new JavaNetClient(http, LIMIT)));
    }

    @AfterEach
    void reset() {
        api.close();
        server.reset();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aStreamedSuccessBodyOverTheLimitIsADecodingExceptionNamingIt() {
        Run run = api.createRun(FeignTests.keyed(FluxProUltra.input("big").toRequest()));
        server.inject(Fault.oversizedBody(LIMIT + 1).onPath("/v1/runs/"));

        RunflowDecodingException e = catchThrowableOfType(RunflowDecodingException.class, () -> api.getRun(run.id()));

        assertThat(e).hasMessage("GET /v1/runs/{id}: " + TOO_LARGE);
    }

    @Test
    void aSuccessBodyOfExactlyTheLimitIsRead() {
        Run run = api.createRun(FeignTests.keyed(FluxProUltra.input("just fits").toRequest()));
        server.inject(Fault.oversizedBody(LIMIT).onPath("/v1/runs/"));

        assertThat(api.getRun(run.id()).id()).isEqualTo(run.id());
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeTheBodyIsRead() {
        for (int i = 0; i < 8; i++) {
            api.createRun(FeignTests.keyed(FluxProUltra.input("run " + i).toRequest()));
        }

        RunflowDecodingException e =
                catchThrowableOfType(RunflowDecodingException.class, () -> api.listRuns(ListQuery.all()));

        assertThat(e).hasMessage("GET /v1/runs: " + TOO_LARGE);
    }

    @Test
    void anErrorBodyOverTheLimitIsCutAndItsStatusStillDecides() {
        server.inject(Fault.htmlPage(503).body("<html>" + "x".repeat(3 * LIMIT) + "</html>"));

        ServerException e = catchThrowableOfType(ServerException.class, () -> api.getRun("run-1"));

        assertThat(e.status()).isEqualTo(503);
        assertThat(e.getMessage()).hasSizeLessThan(LIMIT);
    }

    @Test
    void aSuccessBodyThatDoesNotDecompressIsADecodingException() {
        server.inject(Fault.status(200).header("Content-Encoding", "gzip").body("not gzip at all"));

        RunflowDecodingException e = catchThrowableOfType(RunflowDecodingException.class, () -> api.getRun("run-1"));

        assertThat(e).hasMessage("GET /v1/runs/{id}: cannot decompress the gzip body (HTTP 200): ZipException");
    }

    @Test
    void aBodyStillArrivingAtTheReadTimeoutTimesOutLikeALateHeader() {
        Run run = api.createRun(FeignTests.keyed(FluxProUltra.input("slow").toRequest()));
        server.inject(Fault.slowBody(Duration.ofSeconds(3)).onPath("/v1/runs/"));
        long start = System.nanoTime();

        RunflowIoException e = catchThrowableOfType(RunflowIoException.class, () -> api.getRun(run.id()));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(e).hasMessage("GET /v1/runs/" + run.id() + ": timed out");
        assertThat(e.mayHaveReachedServer()).isTrue();
        assertThat(server.awaitIdle(Duration.ofSeconds(5)))
                .as("the fake saw the client go")
                .isTrue();
    }
}
