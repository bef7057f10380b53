package io.runflow.feign;

import feign.RequestInterceptor;
import feign.RequestTemplate;
import io.runflow.RunflowOptions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The headers every request carries: bearer auth, organization, user agent, accept. {@link
 * RunflowTarget} adds them to each request as it is built ({@link #addTo}), which spares Feign a header
 * template per header per request; as a {@link RequestInterceptor} it adds the same to a template.
 */
final class HeadersInterceptor implements RequestInterceptor {

    private final String authorization;
    private final String organizationId;
    private final String userAgent;

    private static final List<String> ACCEPT = List.of("application/json");

    /** The same values as immutable lists, made once: {@link #addTo} shares them between requests. */
    private final List<String> authorizationValue;

    private final List<String> userAgentValue;
    private final List<String> organizationIdValue;

    HeadersInterceptor(RunflowOptions options) {
        this.authorization = "Bearer " + options.apiKey();
        this.organizationId = options.organizationId();
        this.userAgent = options.userAgent();
        this.authorizationValue = List.of(authorization);
        this.userAgentValue = List.of(userAgent);
        this.organizationIdValue = organizationId == null ? null : List.of(organizationId);
    }

    @Override
    public void apply(RequestTemplate template) {
        template.headerLiteral("Authorization", authorization);
        template.headerLiteral("Accept", "application/json");
        template.headerLiteral("User-Agent", userAgent);
        if (organizationId != null) {
            template.headerLiteral("X-Organization-Id", organizationId);
        }
    }

    /**
     * Adds the common headers to a request's header map, each value before any the template already
     * had under that name (as when this ran first among the interceptors).
     *
     * @param headers a mutable, case-insensitive map
     * @return {@code headers}
     */
    Map<String, Collection<String>> addTo(Map<String, Collection<String>> headers) {
        add(headers, "Authorization", authorizationValue);
        add(headers, "Accept", ACCEPT);
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
        return "HeadersInterceptor[authorization=Bearer ***, organizationId=" + organizationId + ", userAgent="
                + userAgent + "]";
    }
}
