package io.runflow.testkit;

import io.runflow.RunflowApi;
import io.runflow.RunflowOptions;
import io.runflow.RunflowTransport;
import io.runflow.internal.json.RunWire;
import io.runflow.internal.json.RunflowJson;
import io.runflow.model.Run;
import io.runflow.model.RunRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * A minimal transport for this module's tests (runflow-feign would be a reactor cycle): create, get
 * and close over the JDK client, decoding with core's own JSON mapping. Anything else throws. Public
 * only so that the junit package's tests can use it.
 */
public final class JdkTestTransport implements RunflowTransport {

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** Creates the proxy API. */
    @Override
    public RunflowApi create(RunflowOptions options) {
        return (RunflowApi) Proxy.newProxyInstance(
                RunflowApi.class.getClassLoader(), new Class<?>[] {RunflowApi.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "createRun":
                            RunRequest request = (RunRequest) args[0];
                            return send(
                                    options,
                                    HttpRequest.newBuilder(uri(options, "/v1/models/" + request.modelId() + "/runs"))
                                            .header("Idempotency-Key", request.idempotencyKey())
                                            .header("Content-Type", "application/json")
                                            .POST(HttpRequest.BodyPublishers.ofByteArray(RunflowJson.mapper()
                                                    .writeValueAsBytes(RunWire.runRequestBody(request)))));
                        case "getRun":
                            return send(options, HttpRequest.newBuilder(uri(options, "/v1/runs/" + args[0])));
                        case "close":
                            return null;
                        case "toString":
                            return "JdkTestTransport";
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
    }

    private static URI uri(RunflowOptions options, String path) {
        return URI.create(options.baseUrl() + path);
    }

    private Run send(RunflowOptions options, HttpRequest.Builder builder) throws InterruptedException {
        try {
            HttpResponse<byte[]> response = http.send(
                    builder.header("Authorization", "Bearer " + options.apiKey())
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException("HTTP " + response.statusCode());
            }
            return RunflowJson.mapper().readValue(response.body(), Run.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
