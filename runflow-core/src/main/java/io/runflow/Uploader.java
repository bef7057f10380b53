package io.runflow;

import io.runflow.errors.RunflowIoException;
import io.runflow.internal.LazyHttpClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * {@code PUT}s upload bytes to a presigned URL. It has its own HTTP client and sends no credentials:
 * the URL carries them, and the API key must never reach the storage host. Redirects are not
 * followed, so the bytes go nowhere but the URL the API gave.
 */
final class Uploader {

    /** The JS SDK's upload timeout; a 50 MiB body needs longer than an API call. */
    private static final Duration MIN_TIMEOUT = Duration.ofSeconds(120);

    /**
     * The status is all an upload needs, so the answer's body is not read at all: a store's answer of
     * any size or pace costs nothing, and its connection is closed rather than drained for reuse.
     */
    private static final HttpResponse.BodyHandler<Void> STATUS_ONLY = info -> new StatusOnly();

    private final LazyHttpClient http;
    private final RunflowOptions options;

    Uploader(RunflowOptions options) {
        this.options = options;
        // Built on the first transfer: most clients never make one, and building costs start-up time.
        this.http = new LazyHttpClient(() -> HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(options.connectTimeout())
                .build());
    }

    void close() {
        http.shutdown();
    }

    /**
     * Sends the bytes.
     *
     * @return the HTTP status of the answer
     * @throws RunflowIoException if the request could not be made
     */
    int put(String url, String mimeType, byte[] bytes) {
        URI uri = parse(url);
        Duration timeout = options.readTimeout().compareTo(MIN_TIMEOUT) > 0 ? options.readTimeout() : MIN_TIMEOUT;
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", mimeType)
                .header("User-Agent", options.userAgent())
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build();
        try {
            return http.get().send(request, STATUS_ONLY).statusCode();
        } catch (IOException e) {
            throw new RunflowIoException("upload to " + Downloader.redacted(uri) + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunflowIoException("upload to " + Downloader.redacted(uri) + " was interrupted", e);
        }
    }

    static URI parse(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new RunflowIoException("the upload URL the API returned is not a valid URL", null);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new RunflowIoException(
                    "the upload URL the API returned must be absolute http or https, got scheme '" + scheme + "'",
                    null);
        }
        return uri;
    }

    /** Cancels the body at once; the answer completes with its status and headers. */
    private static final class StatusOnly implements HttpResponse.BodySubscriber<Void> {
        @Override
        public CompletionStage<Void> getBody() {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.cancel();
        }

        @Override
        public void onNext(List<ByteBuffer> item) {}

        @Override
        public void onError(Throwable throwable) {}

        @Override
        public void onComplete() {}
    }
}
