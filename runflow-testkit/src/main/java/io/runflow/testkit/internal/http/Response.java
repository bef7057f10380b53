package io.runflow.testkit.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** An answer ready to write: status, extra headers and the body bytes. */
public record Response(int status, String contentType, Map<String, String> headers, byte[] body) {

    public static Response json(int status, JsonNode body) {
        return new Response(status, "application/json", Map.of(), Json.write(body));
    }

    public static Response bytes(int status, String contentType, byte[] body) {
        return new Response(status, contentType, Map.of(), body);
    }

    public Response withHeaders(Map<String, String> extra) {
        return new Response(status, contentType, extra, body);
    }
}
