package io.runflow.feign;

import com.fasterxml.jackson.databind.JsonNode;
import io.runflow.PollPolicy;
import io.runflow.RetryPolicy;
import io.runflow.RunflowObserver;
import io.runflow.RunflowOptions;
import io.runflow.Sleeper;
import io.runflow.internal.json.RunflowJson;
import io.runflow.model.BatchRequest;
import io.runflow.model.RunRequest;
import io.runflow.testkit.FakeRunflowServer;
import io.runflow.testkit.RecordedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/** Shared fixtures: options pointing at a fake, exact retry delays, a sleeper that only records. */
final class FeignTests {

    static final String USER_AGENT = "runflow-java/test";
    static final String ORGANIZATION = "org-7";

    private FeignTests() {}

    /** The default policy without jitter: delays of exactly 1 s, 2 s, 4 s, 8 s. */
    static RetryPolicy exactRetries() {
        return RetryPolicy.builder().random(() -> 0.0).build();
    }

    static RunflowOptions options(FakeRunflowServer server, Sleeper sleeper) {
        return options(server, server.apiKey(), ORGANIZATION, sleeper);
    }

    static RunflowOptions options(FakeRunflowServer server, String apiKey, String organization, Sleeper sleeper) {
        return options(server.baseUrl(), apiKey, organization, exactRetries(), Duration.ofSeconds(10), sleeper);
    }

    static RunflowOptions options(
            String baseUrl,
            String apiKey,
            String organization,
            RetryPolicy retryPolicy,
            Duration readTimeout,
            Sleeper sleeper) {
        return RunflowOptions.builder()
                .apiKey(apiKey)
                .baseUrl(URI.create(baseUrl))
                .organizationId(organization)
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(readTimeout)
                .retryPolicy(retryPolicy)
                .pollPolicy(PollPolicy.defaults())
                .clock(Clock.systemUTC())
                .sleeper(sleeper)
                .userAgent(USER_AGENT)
                .observer(RunflowObserver.noop())
                .build();
    }

    static JsonNode json(RecordedRequest request) {
        try {
            return RunflowJson.mapper().readTree(request.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String text) {
        try {
            return RunflowJson.mapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A new key for one call made on the transport directly: core's services decide keys, the
     * transport only sends them, so a test standing in for core decides one too.
     */
    static String key() {
        return UUID.randomUUID().toString();
    }

    /** The request with a new key, as {@code runs().create} would send it. */
    static RunRequest keyed(RunRequest request) {
        return request.withIdempotencyKey(key());
    }

    /** The request with a new key, as {@code batches().create} would send it. */
    static BatchRequest keyed(BatchRequest request) {
        return request.withIdempotencyKey(key());
    }

    /** Records each delay instead of sleeping. */
    static final class RecordingSleeper implements Sleeper {
        final List<Duration> slept = new CopyOnWriteArrayList<>();

        @Override
        public void sleep(Duration duration) {
            slept.add(duration);
        }
    }
}
