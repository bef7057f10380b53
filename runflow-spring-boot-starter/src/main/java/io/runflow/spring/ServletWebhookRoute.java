package io.runflow.spring;

import io.runflow.webhook.WebhookEndpoint;
import io.runflow.webhook.WebhookResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/** {@code POST <path>} in a servlet application: the raw bytes, at most one past the limit, to the endpoint. */
final class ServletWebhookRoute {

    private ServletWebhookRoute() {}

    static RouterFunction<ServerResponse> create(String path, WebhookEndpoint endpoint) {
        return RouterFunctions.route()
                .POST(path, request -> handle(endpoint, request))
                .build();
    }

    private static ServerResponse handle(WebhookEndpoint endpoint, ServerRequest request) throws IOException {
        HttpServletRequest servlet = request.servletRequest();
        WebhookResponse response = servlet.getContentLengthLong() > endpoint.maxBodySize()
                // Declared too large: answered 413 without reading a byte of it.
                ? endpoint.tooLarge()
                : endpoint.handle(read(servlet, endpoint.maxBodySize()), servlet::getHeader);
        return ServerResponse.status(response.status())
                .contentType(MediaType.APPLICATION_JSON)
                .body(response.body());
    }

    /** One byte past the limit is enough for the endpoint to answer 413; the rest is never read. */
    private static byte[] read(HttpServletRequest servlet, long maxBodySize) throws IOException {
        int limit = (int) Math.min(maxBodySize + 1, Integer.MAX_VALUE - 8);
        long declared = servlet.getContentLengthLong();
        try (InputStream body = servlet.getInputStream()) {
            if (declared < 0 || declared >= limit) {
                return body.readNBytes(limit);
            }
            // The declared length (within the limit, checked by the caller): one array of that size,
            // not readNBytes's 8 KiB chunks copied into a third array. A body that ends early is cut
            // to what came, as readNBytes would; the container reads no more than the declared length.
            byte[] bytes = new byte[(int) declared];
            int read = body.readNBytes(bytes, 0, bytes.length);
            return read == bytes.length ? bytes : Arrays.copyOf(bytes, read);
        }
    }
}
