package io.runflow.feign;

import feign.Request;
import feign.RequestTemplate;
import feign.Target;
import java.net.URI;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * Feign's {@link Target.HardCodedTarget} with the base URL parsed once, not on every request: {@code
 * HardCodedTarget.apply} hands the URL to {@code RequestTemplate.target}, which parses it again each
 * time and then builds the request's URL a second time. Here the base is normalised once, exactly as
 * {@code RequestTemplate.target} would (no trailing {@code /}, scheme, raw authority and raw path),
 * and the request is built from it and the template's resolved path, query and headers. A base URL
 * with a query or fragment, or a template that is already absolute, takes the {@code HardCodedTarget}
 * path. Either way the {@link CommonHeaders common headers} are added to the request's header map
 * here, after every interceptor has run, rather than through Feign's header templates.
 */
final class RunflowTarget<T> extends Target.HardCodedTarget<T> {

    /** The normalised base URL, or {@code null} to fall back to {@code HardCodedTarget.apply}. */
    private final String base;

    private final CommonHeaders headers;

    RunflowTarget(Class<T> type, String url, CommonHeaders headers) {
        super(type, url);
        this.base = normalised(url);
        this.headers = headers;
    }

    /** The normalised base URL, or {@code null} when requests are built by {@code HardCodedTarget}. */
    String base() {
        return base;
    }

    CommonHeaders headers() {
        return headers;
    }

    private static String normalised(String url) {
        String trimmed = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        try {
            URI uri = URI.create(trimmed);
            if (!uri.isAbsolute() || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                return null;
            }
            return uri.getScheme() + "://" + uri.getRawAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public Request apply(RequestTemplate input) {
        String relative = base == null ? null : input.url();
        if (relative == null || relative.startsWith("http")) {
            Request request = super.apply(input);
            Map<String, Collection<String>> all = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            all.putAll(request.headers());
            return Request.create(
                    request.httpMethod(),
                    request.url(),
                    headers.addTo(all, request.body() != null && request.body().length > 0),
                    Request.Body.create(request.body(), request.charset()),
                    input);
        }
        if (!input.resolved()) {
            throw new IllegalStateException("template has not been resolved.");
        }
        // Request.Body.create(body, charset) is what the template holds: the same body, undeprecated.
        return Request.create(
                Request.HttpMethod.valueOf(input.method()),
                base + relative,
                headers.addTo(input.headers(), input.body() != null && input.body().length > 0),
                Request.Body.create(input.body(), input.requestCharset()),
                input);
    }
}
