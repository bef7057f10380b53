package io.runflow.feign;

import feign.Client;
import feign.Request;
import feign.Response;
import feign.http2client.Http2Client;
import io.runflow.errors.RunflowDecodingException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * The SDK's Feign {@link Client}: feign-java11's {@link Http2Client} request for request, with less
 * copying on the way. The answer is read to a byte array by the JDK client itself (no piped {@code
 * InputStream} between the selector thread and the caller), the JDK's header map is handed to Feign
 * as it is (Feign makes its own case-insensitive copy anyway), and request headers go straight into
 * the request builder without intermediate maps and streams.
 *
 * <p>Two bounds {@code Http2Client} lacks. The read timeout bounds the whole answer, body included:
 * the JDK's request timeout stops at the response headers, so a body trickling in would otherwise
 * hold the caller as long as the server likes; a piece of the body arriving past the timeout ends the
 * exchange, and the attempt fails with the JDK's own {@link HttpTimeoutException} ({@code "request
 * timed out"}), as a late header does. (A body that stops arriving altogether after its headers is
 * not ended by the timeout: that needs a timer per request, which costs a thread hand-off.) And no answer is read past {@link #MAX_ANSWER_BYTES} (after gzip or deflate are
 * undone, too): a larger 2xx body is a {@link RunflowDecodingException} naming the limit, not retried
 * (the request was answered) and never an {@code OutOfMemoryError}; a larger error body is cut there,
 * the status still deciding the exception.
 *
 * <p>Differences that matter are delegated: when Feign's per-request options ask for another connect
 * timeout or redirect setting than the JDK client was built with, the call goes through {@code
 * Http2Client}, which keeps a second client for them, and reads without the two bounds above (as
 * does any client set through the customizer). A failure while the body arrives (a body cut short) is
 * an {@link IOException}, which Feign turns into a {@code RetryableException} like any other broken
 * connection, exactly as the decoder does when it reads a broken streamed body.
 */
final class JavaNetClient implements Client {

    /**
     * The most bytes of an answer read: 16 MiB. The largest documented answer, a page of 100 runs with
     * their inputs and outputs, is a few hundred KiB; anything near the limit is not Runflow's.
     */
    static final int MAX_ANSWER_BYTES = 16 * 1024 * 1024;

    private final HttpClient client;
    private final Http2Client fallback;
    private final long connectTimeoutMillis;
    private final boolean followsRedirects;
    private final int maxAnswerBytes;
    private volatile Duration lastTimeout = Duration.ZERO;
    private volatile ParsedUrl lastGet;
    private volatile ParsedUrl lastOther;

    JavaNetClient(HttpClient client) {
        this(client, MAX_ANSWER_BYTES);
    }

    JavaNetClient(HttpClient client, int maxAnswerBytes) {
        this.client = client;
        this.maxAnswerBytes = maxAnswerBytes;
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
            builder = HttpRequest.newBuilder(uri(request));
        } catch (IllegalArgumentException e) {
            throw new IOException("Invalid uri " + request.url(), e);
        }
        int readTimeoutMillis = options.readTimeoutMillis();
        if (readTimeoutMillis > 0) {
            builder.timeout(timeout(readTimeoutMillis));
        }
        builder.version(client.version());
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
        HttpResponse<byte[]> response = send(builder.build(), readTimeoutMillis, request);
        HttpHeaders headers = response.headers();
        Map<String, Collection<String>> feignHeaders = Collections.unmodifiableMap(headers.map());
        Response.Builder answer = Response.builder()
                .protocolVersion(
                        response.version() == HttpClient.Version.HTTP_2
                                ? Request.ProtocolVersion.HTTP_2
                                : Request.ProtocolVersion.HTTP_1_1)
                .status(response.statusCode())
                .reason(first(feignHeaders, "Reason-Phrase"))
                .request(request)
                .headers(feignHeaders);
        String encoding = first(feignHeaders, "Content-Encoding");
        byte[] bytes = response.body();
        if (encoding != null && bytes != null && bytes.length > 0) {
            bytes = decoded(encoding, bytes, response.statusCode(), request);
        }
        return answer.body(AnswerBody.of(bytes)).build();
    }

    /**
     * Sends the request and reads the whole answer, the body within the read timeout too (unbounded
     * when Feign's options say 0). Synchronously, on the caller's thread, as {@code HttpClient.send}
     * does: waiting on {@code sendAsync} instead costs a hand-off to the client's executor per request
     * (measured: P1 went from 1.14 to 1.85 times the hand-rolled calls). The JDK's own request timeout
     * bounds the headers; {@link BoundedBody} ends a body whose pieces still arrive past the deadline.
     * Failures are thrown as {@code HttpClient.send} throws them.
     */
    private HttpResponse<byte[]> send(HttpRequest httpRequest, int readTimeoutMillis, Request request)
            throws IOException {
        long deadline = 0;
        if (readTimeoutMillis > 0) {
            deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(readTimeoutMillis);
            deadline = deadline == 0 ? 1 : deadline;
        }
        try {
            return client.send(httpRequest, BoundedBody.handler(maxAnswerBytes, deadline));
        } catch (IOException e) {
            // send() wraps the body's failure in an IOException of its own.
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof BoundedBody.TooLarge) {
                    throw tooLarge(request, "");
                }
            }
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private RunflowDecodingException tooLarge(Request request, String after) {
        return new RunflowDecodingException(
                Endpoints.of(request) + ": the answer is larger than " + maxAnswerBytes + " bytes" + after
                        + ", the most this client reads; not read further",
                null);
    }

    /**
     * A header's first value, as {@code HttpHeaders.firstValue} finds it (the JDK's map is
     * case-insensitive) but without a stream and an {@code Optional} per look-up.
     */
    private static String first(Map<String, Collection<String>> headers, String name) {
        Collection<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.iterator().next();
    }

    /**
     * The request's URL parsed, reusing the last parse of the same URL and method: a poll reads the
     * same run again and again, and runs of one model are created at the same URL, so the parse (a
     * measurable part of a call's own CPU time) is mostly skipped. One entry for {@code GET}s, one for
     * the rest, so a create between two polls evicts neither.
     */
    private URI uri(Request request) {
        String url = request.url();
        boolean get = request.httpMethod() == Request.HttpMethod.GET;
        ParsedUrl last = get ? lastGet : lastOther;
        if (last != null && last.url.equals(url)) {
            return last.uri;
        }
        URI uri = URI.create(url);
        if (get) {
            lastGet = new ParsedUrl(url, uri);
        } else {
            lastOther = new ParsedUrl(url, uri);
        }
        return uri;
    }

    /** A URL and its parse, published whole through a volatile field. */
    private static final class ParsedUrl {
        final String url;
        final URI uri;

        ParsedUrl(String url, URI uri) {
            this.url = url;
            this.uri = uri;
        }
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

    /**
     * Undoes gzip and deflate as {@code Http2Client} does, keeping the limit on the decoded bytes (a
     * small compressed body can expand without end); any other encoding is left as it is. A 2xx body
     * that does not decompress is a {@link RunflowDecodingException}; an error body that does not is
     * dropped, and its status decides.
     */
    private byte[] decoded(String encoding, byte[] bytes, int status, Request request) {
        List<String> codings = List.of(encoding.toLowerCase(Locale.ROOT).split("\\s*,\\s*"));
        boolean gzip = codings.contains("gzip");
        if (!gzip && !codings.contains("deflate")) {
            return bytes;
        }
        boolean success = status / 100 == 2;
        try (InputStream in = gzip
                ? new GZIPInputStream(new ByteArrayInputStream(bytes))
                : new InflaterInputStream(new ByteArrayInputStream(bytes))) {
            byte[] decoded = in.readNBytes(maxAnswerBytes);
            if (in.read() < 0) {
                return decoded;
            }
            if (success) {
                throw tooLarge(request, " once decompressed");
            }
            return decoded;
        } catch (IOException e) {
            if (!success) {
                return new byte[0];
            }
            throw new RunflowDecodingException(
                    Endpoints.of(request) + ": cannot decompress the " + (gzip ? "gzip" : "deflate") + " body (HTTP "
                            + status + "): " + e.getClass().getSimpleName(),
                    e);
        }
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
