package io.runflow.benchmarks.webhook.spring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The one client of P6: a JDK {@link HttpClient} on HTTP/1.1 with keep-alive, sending callbacks one
 * after the other, the same way to every endpoint.
 */
final class CallbackSender {

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** The requests of one batch, built before the clock starts. */
    static List<HttpRequest> requests(URI uri, List<SignedCallbacks.Signed> callbacks) {
        List<HttpRequest> requests = new ArrayList<>(callbacks.size());
        for (SignedCallbacks.Signed callback : callbacks) {
            requests.add(HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .header("Runflow-Signature", callback.signature())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(callback.body()))
                    .build());
        }
        return requests;
    }

    /** Sends each request in turn; fails on any answer but 200. */
    void sendAll(List<HttpRequest> requests) {
        for (HttpRequest request : requests) {
            int status = send(request);
            if (status != 200) {
                throw new IllegalStateException(request.uri() + " answered " + status);
            }
        }
    }

    int send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
