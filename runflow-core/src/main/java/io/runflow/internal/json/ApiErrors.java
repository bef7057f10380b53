package io.runflow.internal.json;

import static io.runflow.internal.json.JsonFields.firstText;
import static io.runflow.internal.json.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.runflow.errors.AuthenticationException;
import io.runflow.errors.BadRequestException;
import io.runflow.errors.ConflictException;
import io.runflow.errors.InsufficientCreditException;
import io.runflow.errors.NotFoundException;
import io.runflow.errors.PermissionDeniedException;
import io.runflow.errors.RateLimitException;
import io.runflow.errors.RunflowApiException;
import io.runflow.errors.ServerException;
import io.runflow.errors.UnprocessableEntityException;
import io.runflow.internal.Endpoint;
import io.runflow.internal.Headers;
import io.runflow.internal.Redaction;
import io.runflow.model.ApiError;
import io.runflow.model.FieldError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The one function that turns an error response into the right exception. Every transport calls it;
 * none re-implements it. Not public API.
 */
public final class ApiErrors {

    /** Headers that carry the request id, in order of preference. */
    public static final List<String> REQUEST_ID_HEADERS = List.of("Runflow-Request-Id", "X-Request-Id");

    private static final int SNIPPET_LENGTH = 200;

    /** How much of a body that is not the envelope is looked at for its snippet. */
    private static final int SNIPPET_SOURCE_BYTES = 16 * 1024;

    private static final int MAX_CODE_LENGTH = 100;
    private static final int MAX_REQUEST_ID_LENGTH = 200;
    private static final int MAX_MESSAGE_LENGTH = 1000;
    private static final int MAX_FIELD_ERRORS = 10;
    private static final int MAX_FIELD_ERROR_LENGTH = 200;

    private ApiErrors() {}

    /**
     * Returns an answer's request id, from the first of {@link #REQUEST_ID_HEADERS} it carries.
     *
     * @param headers the response headers, any case
     * @return the first value as sent, or {@code null} when none is there
     */
    public static String requestId(Map<String, ? extends Collection<String>> headers) {
        for (String name : REQUEST_ID_HEADERS) {
            String value = Headers.first(headers, name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /**
     * Maps an error response to an exception.
     *
     * @param status the HTTP status (not 2xx)
     * @param headers the response headers, any case
     * @param body the raw body, possibly empty or not JSON
     * @return the exception to throw
     */
    public static RunflowApiException toException(
            int status, Map<String, ? extends Collection<String>> headers, byte[] body) {
        return toException(status, headers, body, null);
    }

    /**
     * Maps an error response to an exception, masking the API key wherever the body echoes it (a
     * proxy's error page may quote the {@code Authorization} header), and anything shaped like a
     * webhook secret, before any of it reaches the message or {@link RunflowApiException#error()}.
     *
     * @param status the HTTP status (not 2xx)
     * @param headers the response headers, any case
     * @param body the raw body, possibly empty or not JSON
     * @param apiKey the key the request was sent with, or {@code null}
     * @return the exception to throw
     */
    public static RunflowApiException toException(
            int status, Map<String, ? extends Collection<String>> headers, byte[] body, String apiKey) {
        return toException(status, headers, body, apiKey, null);
    }

    /**
     * Maps an error response of a known endpoint to an exception: as {@link #toException(int, Map,
     * byte[], String)}, and a 403 {@code PERMISSION_DENIED} names the key scope the endpoint most
     * likely needs ({@link Endpoint#scope()}), which Runflow's answer does not.
     *
     * @param status the HTTP status (not 2xx)
     * @param headers the response headers, any case
     * @param body the raw body, possibly empty or not JSON
     * @param apiKey the key the request was sent with, or {@code null}
     * @param endpoint the endpoint the request was made to, or {@code null} if unknown
     * @return the exception to throw
     */
    public static RunflowApiException toException(
            int status,
            Map<String, ? extends Collection<String>> headers,
            byte[] body,
            String apiKey,
            Endpoint endpoint) {
        byte[] bytes = redacted(body == null ? new byte[0] : body, apiKey);
        ApiError error = parse(bytes);
        String requestId = requestId(headers);
        String message = message(status, error, bytes, requestId, scopeHint(status, error, endpoint));
        switch (status) {
            case 400:
                return new BadRequestException(status, error, requestId, message);
            case 401:
                return new AuthenticationException(status, error, requestId, message);
            case 402:
                return new InsufficientCreditException(status, error, requestId, message);
            case 403:
                return new PermissionDeniedException(status, error, requestId, message);
            case 404:
                return new NotFoundException(status, error, requestId, message);
            case 409:
                return new ConflictException(status, error, requestId, message);
            case 422:
                return new UnprocessableEntityException(status, error, requestId, message);
            case 429:
                return new RateLimitException(
                        status, error, requestId, message, retryAfter(Headers.first(headers, "Retry-After")));
            default:
                if (status >= 500 && status <= 599) {
                    return new ServerException(status, error, requestId, message);
                }
                return new RunflowApiException(status, error, requestId, message);
        }
    }

    /**
     * Reads a {@code Retry-After} header in its seconds form; the HTTP-date form is ignored.
     *
     * @param value the header value, or {@code null}
     * @return the delay, or {@code null} if absent or not a non-negative number of seconds
     */
    static Duration retryAfter(String value) {
        if (value == null) {
            return null;
        }
        try {
            long seconds = Long.parseLong(value.strip());
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static byte[] redacted(byte[] body, String apiKey) {
        if (body.length == 0) {
            return body;
        }
        String text = new String(body, StandardCharsets.UTF_8);
        String clean = Redaction.redact(text, apiKey);
        // Untouched bytes stay as they came: a body that is not UTF-8 keeps its own snippet.
        return clean.equals(text) ? body : clean.getBytes(StandardCharsets.UTF_8);
    }

    private static ApiError parse(byte[] body) {
        if (body.length == 0) {
            return new ApiError(null, null, List.of());
        }
        try {
            JsonNode node = RunflowJson.mapper().readTree(body);
            return ApiErrors.apiError(node);
        } catch (IOException notJson) {
            return new ApiError(null, null, List.of());
        }
    }

    /**
     * The hint a 403 gets: {@code PERMISSION_DENIED}, or a 403 without the envelope's code (a key
     * without the scope is the usual cause); not the other 403 reasons, such as {@code
     * EMAIL_NOT_VERIFIED}, which a scope would not fix.
     */
    private static String scopeHint(int status, ApiError error, Endpoint endpoint) {
        if (status != 403 || endpoint == null || endpoint.scope() == null) {
            return null;
        }
        if (error.code() != null && !error.code().equalsIgnoreCase("PERMISSION_DENIED")) {
            return null;
        }
        return "the API key likely lacks the scope " + endpoint.scope() + " that " + endpoint.label() + " needs";
    }

    private static String message(int status, ApiError error, byte[] body, String requestId, String hint) {
        StringBuilder text = new StringBuilder().append(status);
        if (error.code() != null || error.message() != null) {
            if (error.code() != null) {
                text.append(' ').append(cut(error.code(), MAX_CODE_LENGTH));
            }
            text.append(": ")
                    .append(error.message() == null ? "(no message)" : cut(error.message(), MAX_MESSAGE_LENGTH));
            List<FieldError> errors = error.errors();
            if (!errors.isEmpty()) {
                // The exception's error() keeps them all; the message names the first few, each cut short.
                text.append(" [");
                for (int i = 0; i < Math.min(errors.size(), MAX_FIELD_ERRORS); i++) {
                    text.append(i == 0 ? "" : ", ").append(cut(errors.get(i).toString(), MAX_FIELD_ERROR_LENGTH));
                }
                if (errors.size() > MAX_FIELD_ERRORS) {
                    text.append(", ... ")
                            .append(errors.size() - MAX_FIELD_ERRORS)
                            .append(" more");
                }
                text.append(']');
            }
        } else if (body.length == 0) {
            text.append(": empty response body");
        } else {
            text.append(": response was not Runflow's error envelope: ").append(snippet(body));
        }
        if (hint != null) {
            text.append(" (").append(hint).append(')');
        }
        if (requestId != null) {
            text.append(" (request-id: ")
                    .append(cut(requestId, MAX_REQUEST_ID_LENGTH))
                    .append(')');
        }
        return text.toString();
    }

    private static String cut(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length) + "...";
    }

    /**
     * The first {@link #SNIPPET_LENGTH} characters of the body's text, with markup tags dropped and
     * white space runs made one space: what an HTML error page says. One pass over at most {@link
     * #SNIPPET_SOURCE_BYTES} bytes of the body, however the body is made.
     */
    static String snippet(byte[] body) {
        String source = new String(body, 0, Math.min(body.length, SNIPPET_SOURCE_BYTES), StandardCharsets.UTF_8);
        StringBuilder text = new StringBuilder(SNIPPET_LENGTH + 3);
        // Once no '>' is left, no later '<' opens a tag: every character from there on is text.
        boolean closable = true;
        boolean space = false;
        int i = 0;
        while (i < source.length() && text.length() <= SNIPPET_LENGTH) {
            char c = source.charAt(i);
            if (c == '<' && closable) {
                int close = source.indexOf('>', i + 1);
                if (close >= 0) {
                    space = true;
                    i = close + 1;
                    continue;
                }
                closable = false;
            }
            if (Character.isWhitespace(c)) {
                space = true;
            } else {
                if (space && text.length() > 0) {
                    text.append(' ');
                }
                space = false;
                text.append(c);
            }
            i++;
        }
        return text.length() <= SNIPPET_LENGTH ? text.toString() : text.substring(0, SNIPPET_LENGTH) + "...";
    }

    /**
     * Reads the error envelope, tolerating the nested {@code {"error": {...}}} form.
     *
     * @param node the body, which may be anything
     * @return the error; with {@code null} code and message if the body was not the envelope
     */
    public static ApiError apiError(JsonNode node) {
        if (node == null || !node.isObject()) {
            return new ApiError(null, null, List.of());
        }
        JsonNode envelope =
                node.has("code") || node.has("message") || !node.path("error").isObject() ? node : node.path("error");
        List<FieldError> errors = new ArrayList<>();
        JsonNode details = envelope.path("errors");
        if (details.isArray()) {
            for (JsonNode detail : details) {
                errors.add(fieldError(detail));
            }
        }
        return new ApiError(text(envelope, "code"), firstText(envelope, "message", "detail"), errors);
    }

    private static FieldError fieldError(JsonNode detail) {
        if (!detail.isObject()) {
            return new FieldError(null, detail.isValueNode() ? detail.asText() : null, JsonValues.of(detail));
        }
        String field = firstText(detail, "field", "path", "name");
        JsonNode loc = detail.path("loc");
        if (field == null && loc.isArray()) {
            StringBuilder joined = new StringBuilder();
            for (JsonNode part : loc) {
                if (joined.length() > 0) {
                    joined.append('.');
                }
                joined.append(part.asText());
            }
            field = joined.toString();
        }
        return new FieldError(field, firstText(detail, "message", "msg"), JsonValues.of(detail));
    }
}
