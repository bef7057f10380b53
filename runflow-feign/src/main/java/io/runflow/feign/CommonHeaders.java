package io.runflow.feign;

import io.runflow.RunflowOptions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The headers every request carries: bearer auth, organization, user agent, accept, and the content
 * type of a body (every body the SDK sends is JSON, written by {@link RunflowEncoder}). {@link
 * RunflowTarget} adds them to each request as it is built ({@link #addTo}), which spares Feign a header
 * template per header per request.
 */
final class CommonHeaders {

    private final String authorization;
    private final String organizationId;
    private final String userAgent;

    private static final List<String> JSON = List.of("application/json");

    /** The same values as immutable lists, made once: {@link #addTo} shares them between requests. */
    private final List<String> authorizationValue;

    private final List<String> userAgentValue;
    private final List<String> organizationIdValue;

    CommonHeaders(RunflowOptions options) {
        this.authorization = "Bearer " + options.apiKey();
        this.organizationId = options.organizationId();
        this.userAgent = options.userAgent();
        this.authorizationValue = List.of(authorization);
        this.userAgentValue = List.of(userAgent);
        this.organizationIdValue = organizationId == null ? null : List.of(organizationId);
    }

    /**
     * Adds the common headers to a request's header map, each value before any the template already
     * had under that name (as when this ran first among the interceptors), and {@code Content-Type:
     * application/json} to a request with a body that has none: one header fewer for Feign to copy
     * and expand from a template on every call.
     *
     * @param headers a mutable, case-insensitive map
     * @param hasBody whether the request has a body
     * @return {@code headers}
     */
    Map<String, Collection<String>> addTo(Map<String, Collection<String>> headers, boolean hasBody) {
        add(headers, "Authorization", authorizationValue);
        add(headers, "Accept", JSON);
        if (hasBody && !headers.containsKey("Content-Type")) {
            headers.put("Content-Type", JSON);
        }
        add(headers, "User-Agent", userAgentValue);
        if (organizationIdValue != null) {
            add(headers, "X-Organization-Id", organizationIdValue);
        }
        return headers;
    }

    private static void add(Map<String, Collection<String>> headers, String name, List<String> value) {
        Collection<String> existing = headers.get(name);
        if (existing == null || existing.isEmpty()) {
            headers.put(name, value);
        } else {
            List<String> merged = new ArrayList<>(existing.size() + 1);
            merged.addAll(value);
            merged.addAll(existing);
            headers.put(name, merged);
        }
    }

    @Override
    public String toString() {
        return "CommonHeaders[authorization=Bearer ***, organizationId=" + organizationId + ", userAgent=" + userAgent
                + "]";
    }
}
