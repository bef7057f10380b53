package io.runflow.feign;

import feign.Capability;
import feign.Client;
import feign.Request;
import feign.Response;
import io.runflow.RequestOptions;
import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Wraps whichever {@link Client} the Feign builder ends up with so that the {@link CallScope} of the
 * call in progress applies: a view's headers are added to each attempt, its timeout replaces the
 * read timeout, and an exchange records the answer's status and headers. Outside a scope it passes
 * the request through untouched. {@link RunflowFeign} always installs it, before any other
 * capability, so an observer sees the request as sent.
 *
 * <p>Public only because Feign calls capabilities reflectively; it cannot be created outside this
 * package.
 */
public final class PerCallCapability implements Capability {

    PerCallCapability() {}

    /**
     * Returns the client, applying each call's settings.
     *
     * @param client the client the builder has
     * @return the wrapping client
     */
    @Override
    public Client enrich(Client client) {
        return new PerCallClient(client);
    }

    private static final class PerCallClient implements Client {
        private final Client delegate;

        PerCallClient(Client delegate) {
            this.delegate = delegate;
        }

        @Override
        public Response execute(Request request, Request.Options options) throws IOException {
            CallScope scope = CallScope.current();
            if (scope == null) {
                return delegate.execute(request, options);
            }
            Request sent = request;
            Request.Options timeouts = options;
            RequestOptions settings = scope.options;
            if (settings != null) {
                if (!settings.headers().isEmpty()) {
                    sent = withHeaders(request, settings.headers());
                }
                if (settings.timeout().isPresent()) {
                    Duration timeout =
                            RunflowFeign.feignMillis(settings.timeout().get());
                    timeouts = new Request.Options(
                            options.connectTimeoutMillis(),
                            TimeUnit.MILLISECONDS,
                            timeout.toMillis(),
                            TimeUnit.MILLISECONDS,
                            options.isFollowRedirects());
                }
            }
            Response response = delegate.execute(sent, timeouts);
            if (scope.capture != null) {
                scope.capture.record(response.status(), response.headers());
            }
            return response;
        }

        /** The names were checked by {@link RequestOptions}: none is one the SDK sets. */
        private static Request withHeaders(Request request, Map<String, String> extra) {
            Map<String, Collection<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.putAll(request.headers());
            extra.forEach((name, value) -> headers.put(name, List.of(value)));
            return Request.create(
                    request.httpMethod(),
                    request.url(),
                    headers,
                    Request.Body.create(request.body(), request.charset()),
                    request.requestTemplate());
        }
    }
}
