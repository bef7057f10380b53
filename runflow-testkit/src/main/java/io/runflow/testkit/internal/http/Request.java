package io.runflow.testkit.internal.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One HTTP request as the handlers see it, with the path parameters the router matched. */
public record Request(
        String method,
        String path,
        Map<String, String> query,
        Map<String, List<String>> headers,
        byte[] body,
        Map<String, String> params) {

    Request withParams(Map<String, String> newParams) {
        return new Request(method, path, query, headers, body, newParams);
    }

    public String header(String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }

    public String param(String name) {
        return params.get(name);
    }

    /** Parses a raw query string; the first value of a repeated parameter wins. */
    static Map<String, String> parseQuery(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            query.putIfAbsent(name, value);
        }
        return query;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
