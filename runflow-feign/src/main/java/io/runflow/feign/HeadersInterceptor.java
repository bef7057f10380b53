package io.runflow.feign;

import feign.RequestInterceptor;
import feign.RequestTemplate;
import io.runflow.RunflowOptions;

/** Adds the headers every request carries: bearer auth, organization, user agent, accept. */
final class HeadersInterceptor implements RequestInterceptor {

    private final String authorization;
    private final String organizationId;
    private final String userAgent;

    HeadersInterceptor(RunflowOptions options) {
        this.authorization = "Bearer " + options.apiKey();
        this.organizationId = options.organizationId();
        this.userAgent = options.userAgent();
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

    @Override
    public String toString() {
        return "HeadersInterceptor[authorization=Bearer ***, organizationId=" + organizationId + ", userAgent="
                + userAgent + "]";
    }
}
