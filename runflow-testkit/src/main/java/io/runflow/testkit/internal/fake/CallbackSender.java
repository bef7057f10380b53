package io.runflow.testkit.internal.fake;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Posts one signed callback body to a receiver and reports what came of it. Never fails: a network
 * error, a timeout or a URL the JDK client refuses become a result with status 0 and the error.
 */
final class CallbackSender {

    private static final int MAX_RESPONSE_CHARS = 1000;

    /**
     * What one POST came to.
     *
     * @param status the receiver's HTTP status, or 0 when there was no answer
     * @param body the start of the receiver's answer, empty when there was none
     * @param error the I/O error when there was no answer, else null
     */
    record Result(int status, String body, String error) {

        static Result failed(String error) {
            return new Result(0, "", error);
        }
    }

    private final Duration timeout;

    /** Created on the first callback: most tests never send one. */
    private volatile HttpClient http;

    CallbackSender(Duration timeout) {
        this.timeout = timeout;
    }

    /**
     * Starts the POST; the future completes at the latest after the timeout plus a second, because
     * the request timeout covers only the answer's headers, not a body that never ends.
     */
    CompletableFuture<Result> send(URI uri, byte[] payload, String requestId, String signature) {
        CompletableFuture<HttpResponse<String>> sent;
        try {
            sent = client().sendAsync(
                            request(uri, payload, requestId, signature), HttpResponse.BodyHandlers.ofString());
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(Result.failed(describe(e)));
        }
        return sent.copy()
                .orTimeout(timeout.plusSeconds(1).toMillis(), TimeUnit.MILLISECONDS)
                .handle((response, failure) -> {
                    if (failure != null) {
                        sent.cancel(true);
                        return Result.failed(describe(unwrap(failure)));
                    }
                    return new Result(response.statusCode(), truncate(response.body()), null);
                });
    }

    private HttpRequest request(URI uri, byte[] payload, String requestId, String signature) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Runflow-Request-Id", requestId)
                .header("User-Agent", "runflow-testkit")
                .POST(HttpRequest.BodyPublishers.ofByteArray(payload));
        if (signature != null) {
            b.header("Runflow-Signature", signature);
        }
        return b.build();
    }

    /**
     * Lets the HTTP client, if one was made, release its selector thread and connections: {@code
     * HttpClient.shutdown()} from JDK 21 (called reflectively, the testkit builds for 17); on JDK 17
     * the client is left to the garbage collector. Does not wait.
     */
    void close() {
        HttpClient c = http;
        if (c != null) {
            try {
                HttpClient.class.getMethod("shutdown").invoke(c);
            } catch (ReflectiveOperationException | RuntimeException e) {
                // JDK 17: nothing to call.
            }
        }
    }

    private HttpClient client() {
        HttpClient c = http;
        if (c == null) {
            synchronized (this) {
                c = http;
                if (c == null) {
                    c = HttpClient.newBuilder()
                            .version(HttpClient.Version.HTTP_1_1)
                            .connectTimeout(timeout)
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .build();
                    http = c;
                }
            }
        }
        return c;
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static String describe(Throwable e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private static String truncate(String s) {
        return s.length() <= MAX_RESPONSE_CHARS ? s : s.substring(0, MAX_RESPONSE_CHARS);
    }
}
