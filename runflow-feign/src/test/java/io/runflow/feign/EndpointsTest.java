package io.runflow.feign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import feign.Contract;
import feign.Feign;
import feign.Headers;
import feign.MethodMetadata;
import feign.Param;
import feign.Request;
import feign.RequestLine;
import feign.RequestTemplate;
import io.runflow.RetryPolicy.Replay;
import io.runflow.internal.Endpoint;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EndpointsTest {

    @Test
    void everyRequestLineIsTheMethodAndTemplateOfOneCoreEndpoint() {
        assertThat(Arrays.stream(RunflowFeignApi.class.getDeclaredMethods())
                        .map(method -> method.getAnnotation(RequestLine.class).value())
                        .toList())
                .allSatisfy(line -> assertThat(Endpoint.find(
                                line.substring(0, line.indexOf(' ')), line.substring(line.indexOf(' ') + 1)))
                        .as(line)
                        .isPresent());
    }

    @Test
    void everyCoreEndpointHasExactlyOneRequestLine() {
        Map<Endpoint, List<String>> methods = Arrays.stream(RunflowFeignApi.class.getDeclaredMethods())
                .collect(Collectors.groupingBy(
                        Endpoints::declared, Collectors.mapping(Method::getName, Collectors.toList())));

        assertThat(Arrays.stream(Endpoint.values()))
                .allSatisfy(endpoint ->
                        assertThat(methods.get(endpoint)).as(endpoint.label()).hasSize(1));
    }

    @Test
    void exactlyTheEndpointsDeclaredWithAKeySendTheHeader() {
        assertThat(Arrays.stream(RunflowFeignApi.class.getDeclaredMethods())).allSatisfy(method -> {
            Headers headers = method.getAnnotation(Headers.class);
            boolean sendsKey =
                    headers != null && Arrays.asList(headers.value()).contains("Idempotency-Key: {idempotencyKey}");
            assertThat(sendsKey)
                    .as(method.getName())
                    .isEqualTo(Endpoints.declared(method).carriesIdempotencyKey());
        });
    }

    @Test
    void requestsMadeThroughTheInterfaceAreJudgedByTheirCoreDeclaration() throws Exception {
        assertThat(Endpoints.replay(viaInterface("createCallbackSecret", String.class, ObjectNode.class)))
                .isEqualTo(Replay.UNSAFE);
        assertThat(Endpoints.replay(viaInterface("cancelRun", String.class, String.class, ObjectNode.class)))
                .isEqualTo(Replay.SAFE);
        assertThat(Endpoints.of(viaInterface("getBatchItem", String.class, String.class)))
                .isEqualTo("GET /v1/batches/{batch}/items/{id}");
    }

    @Test
    void aRequestLineCoreDoesNotDeclareIsNamedInTheFailure() throws Exception {
        assertThatThrownBy(() -> Endpoints.declared(Undeclared.class.getDeclaredMethod("events", String.class)))
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessage("RunflowFeignApi.events (GET /v1/runs/{id}/events) is not declared in core's Endpoint");
    }

    interface Undeclared {
        @RequestLine("GET /v1/runs/{id}/events")
        String events(@Param("id") String runId);
    }

    /** A request whose template names the interface method, as Feign's would. */
    @SuppressWarnings("deprecation") // Contract.Default is the contract Feign.builder() parses the interface with
    private static Request viaInterface(String name, Class<?>... parameters) throws Exception {
        Method method = RunflowFeignApi.class.getDeclaredMethod(name, parameters);
        String configKey = Feign.configKey(RunflowFeignApi.class, method);
        MethodMetadata metadata = new Contract.Default()
                .parseAndValidateMetadata(RunflowFeignApi.class).stream()
                        .filter(parsed -> parsed.configKey().equals(configKey))
                        .findFirst()
                        .orElseThrow();
        RequestTemplate template = new RequestTemplate();
        template.methodMetadata(metadata);
        return Request.create(
                Request.HttpMethod.POST, "https://api.runflow.test/v1/x", Map.of(), Request.Body.empty(), template);
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
