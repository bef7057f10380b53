package io.runflow.feign;

import io.runflow.RawResponse;
import io.runflow.RequestOptions;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The per-call settings and answer capture of the call in progress on this thread. Feign gives its
 * client, target and retryer nothing of the call but the request, and retries on the calling thread,
 * so {@link RunflowFeign} opens a scope around each call of a {@code withOptions} view and each
 * {@code exchange}; {@link PerCallCapability}'s client and {@link PolicyRetryer} read it.
 */
final class CallScope {

    private static final ThreadLocal<CallScope> CURRENT = new ThreadLocal<>();

    /** The view's settings, or {@code null} outside a view. */
    final RequestOptions options;

    /** Where the answer's status and headers go, or {@code null} when nobody asked for them. */
    final Capture capture;

    private CallScope(RequestOptions options, Capture capture) {
        this.options = options;
        this.capture = capture;
    }

    /**
     * Returns the scope of the call in progress on this thread.
     *
     * @return the scope, or {@code null} outside a view's call and an exchange
     */
    static CallScope current() {
        return CURRENT.get();
    }

    /** Runs one call with a view's settings, keeping an exchange's capture that encloses it. */
    static <T> T withOptions(RequestOptions options, Supplier<T> call) {
        CallScope outer = CURRENT.get();
        return within(new CallScope(options, outer == null ? null : outer.capture), call);
    }

    /** Runs {@code call}, recording the status and headers of the last answer its requests read. */
    static <T> RawResponse<T> capturing(RequestOptions options, Supplier<? extends T> call) {
        Capture capture = new Capture();
        T value = within(new CallScope(options, capture), call);
        if (capture.headers == null) {
            throw new IllegalStateException("the call made no request through this transport");
        }
        return RawResponse.of(capture.status, capture.headers, value);
    }

    private static <T> T within(CallScope scope, Supplier<? extends T> call) {
        CallScope previous = CURRENT.get();
        CURRENT.set(scope);
        try {
            return call.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    /** The last answer's status and headers; written and read on the calling thread only. */
    static final class Capture {
        private int status;
        private Map<String, List<String>> headers;

        void record(int status, Map<String, Collection<String>> headers) {
            this.status = status;
            Map<String, List<String>> copy = new java.util.LinkedHashMap<>();
            headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
            this.headers = copy;
        }
    }
}
