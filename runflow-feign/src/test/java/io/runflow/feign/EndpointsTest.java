package io.runflow.feign;

import static org.assertj.core.api.Assertions.assertThat;

import feign.Headers;
import feign.Request;
import feign.RequestLine;
import io.runflow.RetryPolicy.Replay;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EndpointsTest {

    @Test
    void everyPostOfTheInterfaceCarriesAnIdempotencyKey() {
        List<Method> posts = Arrays.stream(RunflowFeignApi.class.getDeclaredMethods())
                .filter(m -> m.getAnnotation(RequestLine.class).value().startsWith("POST "))
                .toList();

        assertThat(posts)
                .extracting(Method::getName)
                .containsExactlyInAnyOrder(
                        "createRun",
                        "redeliverCallback",
                        "cancelRun",
                        "createCallbackSecret",
                        "createBatch",
                        "redeliverBatchCallback",
                        "createAssetUpload",
                        "confirmAssetUpload");
        assertThat(posts)
                .allSatisfy(post -> assertThat(post.getAnnotation(Headers.class).value())
                        .as(post.getName())
                        .contains("Idempotency-Key: {idempotencyKey}"));
    }

    @Test
    void aPostBuiltOutsideTheInterfaceIsNotReplaySafe() {
        assertThat(Endpoints.replay(request(Request.HttpMethod.POST, "https://api.runflow.test/v1/batches")))
                .isEqualTo(Replay.UNSAFE);
    }

    @Test
    void otherMethodsBuiltOutsideTheInterfaceAreReplaySafe() {
        assertThat(Endpoints.replay(request(Request.HttpMethod.GET, "https://api.runflow.test/v1/runs/r-1")))
                .isEqualTo(Replay.SAFE);
        assertThat(Endpoints.replay(
                        request(Request.HttpMethod.PATCH, "https://api.runflow.test/v1/callback-secrets/s")))
                .isEqualTo(Replay.SAFE);
    }

    @Test
    void anUnknownRequestIsNotReplaySafe() {
        assertThat(Endpoints.replay(null)).isEqualTo(Replay.UNSAFE);
    }

    private static Request request(Request.HttpMethod method, String url) {
        return Request.create(method, url, Map.of(), new byte[0], StandardCharsets.UTF_8, null);
    }
}
