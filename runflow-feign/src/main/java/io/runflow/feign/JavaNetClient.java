package io.runflow.feign;

import feign.Client;
import feign.Request;
import feign.Response;
import feign.http2client.Http2Client;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * The SDK's Feign {@link Client}: feign-java11's {@link Http2Client} request for request, with less
 * copying on the way. The answer is read to a byte array by the JDK client itself ({@code
 * BodyHandlers.ofByteArray()}, no piped {@code InputStream} between the selector thread and the
 * caller), the JDK's header map is handed to Feign as it is (Feign makes its own case-insensitive copy
 * anyway), and request headers go straight into the request builder without intermediate maps and
 * streams.
 *
 * <p>Differences that matter are delegated: when Feign's per-request options ask for another connect
 * timeout or redirect setting than the JDK client was built with, the call goes through {@code
 * Http2Client}, which keeps a second client for them. A failure while the body arrives is an {@link
 * IOException} from {@code send}, which Feign turns into a {@code RetryableException} like any other
 * broken connection, exactly as the decoder does when it reads a broken streamed body.
 */
final class JavaNetClient implements Client {

    private final HttpClient client;
    private final Http2Client fallback;
    private final long connectTimeoutMillis;
    private final boolean followsRedirects;
    private volatile Duration lastTimeout = Duration.ZERO;

    JavaNetClient(HttpClient client) {
        this.client = client;
        this.fallback = new Http2Client(client);
        this.connectTimeoutMillis =
                client.connectTimeout().map(Duration::toMillis).orElse(-1L);
        this.followsRedirects = client.followRedirects() == HttpClient.Redirect.ALWAYS;
    }

    @Override
    public Response execute(Request request, Request.Options options) throws IOException {
        if (options.connectTimeoutMillis() != connectTimeoutMillis || options.isFollowRedirects() != followsRedirects) {
            return fallback.execute(request, options);
        }
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(URI.create(request.url()));
        } catch (IllegalArgumentException e) {
            throw new IOException("Invalid uri " + request.url(), e);
        }
        builder.timeout(timeout(options.readTimeoutMillis())).version(client.version());
        boolean accept = false;
        for (Map.Entry<String, Collection<String>> header : request.headers().entrySet()) {
            String name = header.getKey();
            if (restricted(name)) {
                continue;
            }
            accept |= name.equalsIgnoreCase("Accept");
            for (String value : header.getValue()) {
                builder.header(name, value);
            }
        }
        if (!accept) {
            builder.header("Accept", "*/*");
        }
        byte[] body = request.body();
        if (body == null && request.httpMethod() == Request.HttpMethod.GET) {
            // As a hand-written GET: no body publisher, so no "Content-Length: 0" and no body to send.
            builder.GET();
        } else {
            builder.method(
                    request.httpMethod().name(),
                    body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        }
        HttpResponse<byte[]> response;
        try {
            response = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        HttpHeaders headers = response.headers();
        Map<String, Collection<String>> feignHeaders = Collections.unmodifiableMap(headers.map());
        Response.Builder answer = Response.builder()
                .protocolVersion(
                        response.version() == HttpClient.Version.HTTP_2
                                ? Request.ProtocolVersion.HTTP_2
                                : Request.ProtocolVersion.HTTP_1_1)
                .status(response.statusCode())
                .reason(headers.firstValue("Reason-Phrase").orElse(null))
                .request(request)
                .headers(feignHeaders);
        Optional<String> encoding = headers.firstValue("Content-Encoding");
        byte[] bytes = response.body();
        if (encoding.isPresent() && bytes != null && bytes.length > 0) {
            InputStream decoded = decoded(encoding.get(), bytes);
            if (decoded != null) {
                return answer.body(decoded, null).build();
            }
        }
        return answer.body(bytes).build();
    }

    /** One {@link Duration} for the usual single read timeout, rather than one per request. */
    private Duration timeout(int millis) {
        Duration last = lastTimeout;
        if (last.toMillis() != millis) {
            last = Duration.ofMillis(millis);
            lastTimeout = last;
        }
        return last;
    }

    /** Gzip and deflate, as {@code Http2Client} undoes them; {@code null} for any other encoding. */
    private static InputStream decoded(String encoding, byte[] bytes) throws IOException {
        List<String> codings = List.of(encoding.toLowerCase(Locale.ROOT).split("\\s*,\\s*"));
        if (codings.contains("gzip")) {
            return new GZIPInputStream(new ByteArrayInputStream(bytes));
        }
        if (codings.contains("deflate")) {
            return new InflaterInputStream(new ByteArrayInputStream(bytes));
        }
        return null;
    }

    /** The headers the JDK client sets itself and refuses from callers. */
    private static boolean restricted(String name) {
        switch (name.length()) {
            case 4:
                return name.equalsIgnoreCase("host");
            case 6:
                return name.equalsIgnoreCase("expect");
            case 7:
                return name.equalsIgnoreCase("upgrade");
            case 10:
                return name.equalsIgnoreCase("connection");
            case 14:
                return name.equalsIgnoreCase("content-length");
            default:
                return false;
        }
    }

    @Override
    public String toString() {
        return "JavaNetClient[" + client.version() + "]";
    }
}
