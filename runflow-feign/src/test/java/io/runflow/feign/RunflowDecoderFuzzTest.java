package io.runflow.feign;

import static org.assertj.core.api.Assertions.assertThat;

import feign.Request;
import feign.Response;
import feign.RetryableException;
import io.runflow.RetryPolicy;
import io.runflow.errors.RunflowApiException;
import io.runflow.errors.RunflowDecodingException;
import io.runflow.errors.RunflowException;
import io.runflow.fuzz.FuzzTally;
import io.runflow.fuzz.JsonMutator;
import io.runflow.fuzz.JsonMutator.Mutation;
import io.runflow.fuzz.Seeds;
import io.runflow.fuzz.Values;
import io.runflow.internal.json.RunflowJson;
import io.runflow.model.Run;
import io.runflow.testkit.FakeRunflowServer;
import io.runflow.testkit.Fault;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Core's mutated recorded bodies through this module's decoders: {@link RunflowDecoder} for 2xx
 * answers and {@link RunflowErrorDecoder} for error answers, each given a Feign {@link Response}
 * built here (the decoders' input, not a mock of HTTP), then a sample of them served by {@link
 * FakeRunflowServer} on loopback through the whole client. Every answer is a value or a typed
 * {@link RunflowException}, never a Jackson or JDK exception.
 */
class RunflowDecoderFuzzTest {

    private static final int BYTE_MUTATIONS = 100;
    private static final Map<String, Collection<String>> HEADERS =
            Map.of("Runflow-Request-Id", List.of("req-fuzz"), "Retry-After", List.of("1"));

    private final RunflowDecoder decoder = new RunflowDecoder(RunflowJson.mapper());
    private final RunflowErrorDecoder errorDecoder = new RunflowErrorDecoder();

    @Test
    void everyMutatedRunPageAndDeliveryListDecodesOrIsADecodingException() throws Exception {
        FuzzTally tally = new FuzzTally("RunflowDecoder", RunflowDecodingException.class);
        decode(tally, "run-succeeded.json", Run.class, "getRun", String.class);
        decode(tally, "page-runs.json", returnType("listRuns", Map.class), "listRuns", Map.class);
        decode(
                tally,
                "callback-deliveries.json",
                returnType("listCallbackDeliveries", String.class),
                "listCallbackDeliveries",
                String.class);

        tally.assertClean();
        assertThat(tally.inputs()).isGreaterThan(5_000);
    }

    @Test
    void everyMutatedErrorAnswerBecomesARunflowApiException() {
        FuzzTally tally = new FuzzTally("RunflowErrorDecoder", RunflowException.class);
        int[] statuses = {400, 401, 404, 409, 422, 429, 500, 503};
        int[] next = {0};
        for (String seed : Seeds.ERRORS) {
            JsonMutator.all(
                    Seeds.bytes(seed),
                    seed.hashCode(),
                    BYTE_MUTATIONS,
                    m -> tally.run(m, () -> {
                        int status = statuses[next[0]++ % statuses.length];
                        Exception e = errorDecoder.decode("RunflowFeignApi#getRun(String)", response(status, m.body()));
                        // 429 and 5xx travel wrapped for the retryer, which unwraps them.
                        Throwable failure = e instanceof RetryableException ? e.getCause() : e;
                        if (!(failure instanceof RunflowApiException)
                                || ((RunflowApiException) failure).status() != status) {
                            tally.fail(m, "HTTP " + status + " decoded to " + e);
                        } else if (failure.getMessage().length() > FuzzTally.MAX_MESSAGE_LENGTH) {
                            tally.fail(m, "message of " + failure.getMessage().length() + " characters");
                        }
                        return e;
                    }));
        }

        tally.assertClean();
        assertThat(tally.inputs()).isGreaterThan(1_200);
    }

    @Test
    void aSampleOfMutatedAnswersServedOverLoopbackEndsInAValueOrARunflowException() {
        List<Mutation> sample = new ArrayList<>();
        int[] n = {0};
        JsonMutator.all(Seeds.bytes("run-succeeded.json"), 7, 100, m -> {
            if (n[0]++ % 20 == 0) {
                sample.add(m);
            }
        });
        FuzzTally tally = new FuzzTally("getRun over loopback", RunflowException.class);
        try (FakeRunflowServer server =
                        FakeRunflowServer.builder().deterministic().build();
                RunflowFeign api = RunflowFeign.create(FeignTests.options(
                        server.baseUrl(),
                        server.apiKey(),
                        null,
                        RetryPolicy.none(),
                        Duration.ofSeconds(5),
                        new FeignTests.RecordingSleeper()))) {
            for (int i = 0; i < sample.size(); i++) {
                Mutation m = sample.get(i);
                // The fake sends text: invalid UTF-8 arrives as U+FFFD, still no Run.
                String body = new String(m.body(), StandardCharsets.UTF_8);
                server.inject(Fault.status(i % 5 == 0 ? 500 : 200).body(body));
                tally.run(m, () -> {
                    Run run = api.getRun("run-1");
                    Values.touch(run);
                    return run;
                });
            }
        }

        tally.assertClean();
        assertThat(tally.inputs()).isGreaterThan(150);
    }

    private void decode(FuzzTally tally, String seed, Type type, String method, Class<?> parameter) {
        Request request = request(method, parameter);
        JsonMutator.all(
                Seeds.bytes(seed),
                seed.hashCode(),
                BYTE_MUTATIONS,
                m -> tally.run(m, () -> {
                    Object value = decoder.decode(response(200, m.body(), request), type);
                    Values.touch(value);
                    return value;
                }));
        JsonMutator.hostile(m -> tally.run(m, () -> decoder.decode(response(200, m.body(), request), type)));
    }

    private static Type returnType(String method, Class<?> parameter) throws NoSuchMethodException {
        return RunflowFeignApi.class.getMethod(method, parameter).getGenericReturnType();
    }

    private static Request request(String method, Class<?> parameter) {
        return Request.create(
                Request.HttpMethod.GET,
                "http://127.0.0.1/v1/" + method,
                Map.of(),
                new byte[0],
                StandardCharsets.UTF_8,
                null);
    }

    private static Response response(int status, byte[] body) {
        return response(status, body, request("getRun", String.class));
    }

    private static Response response(int status, byte[] body, Request request) {
        return Response.builder()
                .status(status)
                .reason("fuzz")
                .request(request)
                .headers(HEADERS)
                .body(body)
                .build();
    }
}
