package io.runflow.feign;

import feign.ExceptionPropagationPolicy;
import feign.InvocationHandlerFactory.MethodHandler;
import feign.Logger;
import feign.MethodMetadata;
import feign.Request;
import feign.RequestLine;
import feign.RequestTemplate;
import feign.Response;
import feign.ResponseHandler;
import feign.RetryableException;
import feign.Retryer;
import feign.Util;
import io.runflow.internal.Endpoint;
import io.runflow.internal.ModelIds;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * One endpoint of {@link RunflowFeignApi} called without Feign's per-call templates: the method's
 * {@link RequestLine} (which {@code EndpointsTest} keeps equal to core's {@link Endpoint} declaration)
 * is split into literals and variables once, and each call writes the
 * URL, the headers and the body straight into a {@link Request}, where Feign would copy the method's
 * {@code RequestTemplate}, expand and re-parse it, and materialise its header templates. Everything
 * after that is Feign's, exactly as its {@code SynchronousMethodHandler} does it: the same client
 * (with every capability's wrapper), retryer, logger and level, {@link ResponseHandler} (decoder,
 * error decoder, response interceptors) and the same failures.
 *
 * <p>The URL and headers are the ones Feign would build: a path value made only of unreserved
 * characters and {@code %} (what {@link RunflowFeign} always passes) is one Feign leaves untouched,
 * and {@code decodeSlash} turns its {@code %2F} back into {@code /}. Any other value, an idempotency
 * key Feign's header template might treat differently, or a missing body goes through Feign's own
 * handler, which builds the request its way.
 */
final class DirectMethodHandler implements MethodHandler {

    private final MethodHandler feign;
    private final MethodMetadata metadata;
    private final String configKey;
    private final Type returnType;
    private final Request.HttpMethod httpMethod;
    /** The path's literals (even indexes) and argument indexes (odd ones, as {@code Integer}s). */
    private final Object[] path;

    private final boolean decodeSlash;
    private final int keyIndex;
    private final int bodyIndex;
    private final Type bodyType;
    /** Shared by every call's request: names the method for {@link Endpoints}, never expanded. */
    private final RequestTemplate template;

    private final String base;
    private final CommonHeaders headers;
    private final RunflowEncoder encoder;
    private final DirectCalls.Parts parts;

    private DirectMethodHandler(
            MethodHandler feign,
            MethodMetadata metadata,
            Object[] path,
            boolean decodeSlash,
            int keyIndex,
            String base,
            CommonHeaders headers,
            RunflowEncoder encoder,
            DirectCalls.Parts parts) {
        this.feign = feign;
        this.metadata = metadata;
        this.configKey = metadata.configKey();
        this.returnType = metadata.returnType();
        this.httpMethod = Request.HttpMethod.valueOf(metadata.template().method());
        this.path = path;
        this.decodeSlash = decodeSlash;
        this.keyIndex = keyIndex;
        this.bodyIndex = metadata.bodyIndex() == null ? -1 : metadata.bodyIndex();
        this.bodyType = metadata.bodyType();
        this.template = RequestTemplate.from(metadata.template());
        this.base = base;
        this.headers = headers;
        this.encoder = encoder;
        this.parts = parts;
    }

    /**
     * Returns the direct handler of a method, or {@code null} when the method is not one this class
     * builds requests for (a query map, a query in the request line, other header templates).
     */
    static DirectMethodHandler of(
            MethodHandler feign,
            MethodMetadata metadata,
            String base,
            CommonHeaders headers,
            RunflowEncoder encoder,
            DirectCalls.Parts parts) {
        RequestLine line = metadata.method().getAnnotation(RequestLine.class);
        if (line == null
                || metadata.queryMapIndex() != null
                || metadata.headerMapIndex() != null
                || metadata.urlIndex() != null
                || metadata.alwaysEncodeBody()
                || !metadata.formParams().isEmpty()
                || (metadata.indexToExpander() != null
                        && !metadata.indexToExpander().isEmpty())
                || !metadata.indexToExpanderClass().isEmpty()
                || !metadata.template().queries().isEmpty()
                || metadata.template().bodyTemplate() != null) {
            return null;
        }
        String value = line.value().strip();
        int space = value.indexOf(' ');
        String uri = value.substring(space + 1).strip();
        if (uri.indexOf('?') >= 0 || uri.indexOf('#') >= 0 || !uri.startsWith("/")) {
            return null;
        }
        Map<String, Integer> indexes = new TreeMap<>();
        for (Map.Entry<Integer, Collection<String>> entry :
                metadata.indexToName().entrySet()) {
            if (entry.getValue().size() != 1) {
                return null;
            }
            indexes.put(entry.getValue().iterator().next(), entry.getKey());
        }
        int keyIndex = -1;
        Map<String, Collection<String>> templateHeaders = metadata.template().headers();
        if (!templateHeaders.isEmpty()) {
            Collection<String> key = templateHeaders.get("Idempotency-Key");
            if (templateHeaders.size() != 1
                    || key == null
                    || !List.copyOf(key).equals(List.of("{idempotencyKey}"))
                    || !indexes.containsKey("idempotencyKey")) {
                return null;
            }
            keyIndex = indexes.remove("idempotencyKey");
        }
        List<Object> chunks = new ArrayList<>();
        int at = 0;
        while (at < uri.length()) {
            int open = uri.indexOf('{', at);
            if (open < 0) {
                chunks.add(uri.substring(at));
                break;
            }
            int close = uri.indexOf('}', open);
            Integer index = close < 0 ? null : indexes.remove(uri.substring(open + 1, close));
            if (index == null) {
                return null;
            }
            chunks.add(uri.substring(at, open));
            chunks.add(index);
            at = close + 1;
        }
        if (!indexes.isEmpty()) {
            return null;
        }
        return new DirectMethodHandler(
                feign, metadata, chunks.toArray(), line.decodeSlash(), keyIndex, base, headers, encoder, parts);
    }

    @Override
    public Object invoke(Object[] argv) throws Throwable {
        Request request = request(argv);
        if (request == null) {
            return feign.invoke(argv);
        }
        Retryer retryer = parts.retryer.clone();
        while (true) {
            try {
                return executeAndDecode(request);
            } catch (RetryableException e) {
                try {
                    retryer.continueOrPropagate(e);
                } catch (RetryableException th) {
                    Throwable cause = th.getCause();
                    if (parts.propagationPolicy == ExceptionPropagationPolicy.UNWRAP && cause != null) {
                        if (cause instanceof RuntimeException || cause instanceof Error) {
                            throw cause;
                        }
                        for (Class<?> type : metadata.method().getExceptionTypes()) {
                            if (type.isAssignableFrom(cause.getClass())) {
                                throw cause;
                            }
                        }
                    }
                    throw th;
                }
                if (parts.logLevel != Logger.Level.NONE) {
                    parts.logger.retry(configKey, parts.logLevel);
                }
            }
        }
    }

    /** The request Feign would build for these arguments, or {@code null} to let Feign build it. */
    private Request request(Object[] argv) {
        int length = base.length();
        for (int i = 0; i < path.length; i++) {
            Object chunk = (i & 1) == 0 ? path[i] : argv[(Integer) path[i]];
            if (!(chunk instanceof String) || ((i & 1) == 1 && !unchangedByFeign((String) chunk))) {
                return null;
            }
            length += ((String) chunk).length();
        }
        StringBuilder url = new StringBuilder(length).append(base);
        for (int i = 0; i < path.length; i++) {
            if ((i & 1) == 0) {
                url.append((String) path[i]);
            } else {
                String segment = (String) argv[(Integer) path[i]];
                url.append(decodeSlash ? segment.replace("%2F", "/") : segment);
            }
        }
        Map<String, Collection<String>> requestHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (keyIndex >= 0) {
            Object key = argv[keyIndex];
            if (!(key instanceof String) || !plainHeaderValue((String) key)) {
                return null;
            }
            requestHeaders.put("Idempotency-Key", List.of((String) key));
        }
        byte[] body = null;
        if (bodyIndex >= 0) {
            Object value = argv[bodyIndex];
            if (value == null) {
                return null;
            }
            body = encoder.bytes(value, bodyType);
        }
        headers.addTo(requestHeaders, body != null && body.length > 0);
        return Request.create(
                httpMethod,
                url.toString(),
                requestHeaders,
                Request.Body.create(body, body == null ? null : Util.UTF_8),
                template);
    }

    /** As {@code SynchronousMethodHandler.executeAndDecode}, the request already built. */
    private Object executeAndDecode(Request request) throws Throwable {
        Logger.Level level = parts.logLevel;
        if (level != Logger.Level.NONE) {
            parts.logger.request(configKey, level, request);
        }
        Response response;
        long start = System.nanoTime();
        try {
            response = parts.client.execute(request, parts.options);
            if (response.request() != request) {
                // Feign rebuilds every answer with its request; the SDK's client already set it.
                response = response.toBuilder().request(request).build();
            }
        } catch (IOException e) {
            if (level != Logger.Level.NONE) {
                parts.logger.ioFailure(configKey, level, e, elapsedMillis(start));
            }
            throw new RetryableException(
                    -1,
                    String.format("%s executing %s %s", e.getMessage(), request.httpMethod(), request.url()),
                    request.httpMethod(),
                    e,
                    (Long) null,
                    request);
        }
        return parts.responseHandler.handleResponse(configKey, response, returnType, elapsedMillis(start));
    }

    private static long elapsedMillis(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    /**
     * Whether Feign's path expansion leaves a value as it is: every character unreserved or {@code %}
     * (its {@code UriUtils.encode} returns such a value unchanged, encoded or not).
     */
    static boolean unchangedByFeign(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(ModelIds.unreserved(c) || c == '%')) {
                return false;
            }
        }
        return true;
    }

    /** A non-empty header value of unreserved characters only, which Feign's header template passes as it is. */
    private static boolean plainHeaderValue(String value) {
        return !value.isEmpty() && value.indexOf('%') < 0 && unchangedByFeign(value);
    }
}
