package io.runflow.testkit.internal.control;

import com.fasterxml.jackson.databind.JsonNode;
import io.runflow.testkit.Fault;
import io.runflow.testkit.Outcome;
import io.runflow.testkit.internal.http.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Reads an {@link Outcome} or a {@link Fault} from control JSON through their public factories, so
 * the control API scripts exactly what the Java API does. Problems go to the body's field errors.
 */
final class Scripts {

    private static final Set<String> OUTCOME_FIELDS = Set.of("kind", "code", "stage", "message", "after");
    private static final Set<String> FAULT_FIELDS =
            Set.of("kind", "status", "body", "headers", "delay", "duration", "bytes", "times", "path");
    private static final Set<String> RESPOND_KINDS = Set.of("status", "rate_limited", "unavailable", "html_page");
    private static final String KINDS = "status, rate_limited, unavailable, html_page, delay, connection_reset,"
            + " accept_then_drop, truncated_body, slow_body, oversized_body";

    private Scripts() {}

    /**
     * {@code {"kind": "succeed"|"partial_succeed"|"fail"|"cancel"|"hold", "code", "stage", "message", "after"}}: {@code
     * code}, {@code stage} and {@code message} go together and only with {@code fail} (none of them:
     * {@link Outcome#fail()}'s defaults); {@code after} is a duration, not with {@code hold}.
     *
     * @return the outcome, or null when the body has errors
     */
    static Outcome outcome(ControlBody body) {
        body.only(OUTCOME_FIELDS);
        String kind = body.text("kind", true);
        Duration after = body.duration("after", false);
        boolean anyFailure = body.has("code") || body.has("stage") || body.has("message");
        if (kind == null) {
            return null;
        }
        Outcome outcome;
        switch (kind) {
            case "succeed":
                outcome = Outcome.succeed();
                break;
            case "partial_succeed":
                outcome = Outcome.partialSucceed();
                break;
            case "fail":
                outcome = anyFailure ? failure(body) : Outcome.fail();
                break;
            case "cancel":
                outcome = Outcome.cancel();
                break;
            case "hold":
                outcome = Outcome.hold();
                if (after != null) {
                    body.reject("after", "a held run ends when released, not after a time");
                }
                break;
            default:
                body.reject("kind", "must be one of succeed, partial_succeed, fail, cancel, hold; got " + kind);
                return null;
        }
        if (!kind.equals("fail")) {
            for (String field : new String[] {"code", "stage", "message"}) {
                if (body.has(field)) {
                    body.reject(field, "applies only to kind fail");
                }
            }
        }
        if (outcome == null || after == null || kind.equals("hold")) {
            return outcome;
        }
        return outcome.after(after);
    }

    private static Outcome failure(ControlBody body) {
        String code = body.text("code", true);
        String stage = body.text("stage", true);
        String message = body.text("message", true);
        return code == null || stage == null || message == null ? null : Outcome.fail(code, stage, message);
    }

    /**
     * {@code {"kind": "status"|"rate_limited"|"unavailable"|"html_page"|"delay"|"connection_reset"
     * |"accept_then_drop"|"truncated_body"|"slow_body"|"oversized_body", "status", "body", "headers",
     * "delay", "duration", "bytes", "times", "path"}}: {@code status} with {@code status} and {@code
     * html_page}, {@code delay} with {@code delay}, {@code duration} with {@code slow_body}, {@code
     * bytes} with {@code oversized_body}.
     *
     * @return the fault, or null when the body has errors
     */
    static Fault fault(ControlBody body) {
        body.only(FAULT_FIELDS);
        String kind = body.text("kind", true);
        Integer times = body.integer("times", 1, Integer.MAX_VALUE);
        String path = body.text("path", false);
        if (path != null && !path.startsWith("/")) {
            body.reject("path", "must start with /");
        }
        if (kind == null) {
            return null;
        }
        Fault fault = base(kind, body);
        if (fault == null) {
            return null;
        }
        if (RESPOND_KINDS.contains(kind)) {
            fault = respond(fault, body);
        } else {
            for (String field : new String[] {"body", "headers"}) {
                if (body.has(field)) {
                    body.reject(field, "applies only to kinds status, rate_limited, unavailable and html_page");
                }
            }
        }
        if (fault == null) {
            return null;
        }
        if (times != null) {
            fault = fault.times(times);
        }
        return path == null || !path.startsWith("/") ? fault : fault.onPath(path);
    }

    private static Fault base(String kind, ControlBody body) {
        if (!kind.equals("status") && !kind.equals("html_page") && body.has("status")) {
            body.reject("status", "applies only to kinds status and html_page");
        }
        if (!kind.equals("delay") && body.has("delay")) {
            body.reject("delay", "applies only to kind delay");
        }
        if (!kind.equals("slow_body") && body.has("duration")) {
            body.reject("duration", "applies only to kind slow_body");
        }
        if (!kind.equals("oversized_body") && body.has("bytes")) {
            body.reject("bytes", "applies only to kind oversized_body");
        }
        switch (kind) {
            case "status":
            case "html_page":
                if (!body.has("status")) {
                    body.reject("status", "is required for kind " + kind);
                    return null;
                }
                Integer status = body.integer("status", 100, 599);
                if (status == null) {
                    return null;
                }
                return kind.equals("status") ? Fault.status(status) : Fault.htmlPage(status);
            case "rate_limited":
                return Fault.rateLimited();
            case "unavailable":
                return Fault.unavailable();
            case "delay":
                Duration delay = body.duration("delay", true);
                return delay == null ? null : Fault.delay(delay);
            case "connection_reset":
                return Fault.connectionReset();
            case "accept_then_drop":
                return Fault.acceptThenDrop();
            case "truncated_body":
                return Fault.truncatedBody();
            case "slow_body":
                Duration duration = body.duration("duration", true);
                return duration == null ? null : Fault.slowBody(duration);
            case "oversized_body":
                if (!body.has("bytes")) {
                    body.reject("bytes", "is required for kind oversized_body");
                    return null;
                }
                Integer bytes = body.integer("bytes", 1, Integer.MAX_VALUE);
                return bytes == null ? null : Fault.oversizedBody(bytes);
            default:
                body.reject("kind", "must be one of " + KINDS + "; got " + kind);
                return null;
        }
    }

    /** A string body is sent as it is; any other JSON value is sent as its JSON text. */
    private static Fault respond(Fault fault, ControlBody body) {
        Fault result = fault;
        JsonNode given = body.raw("body");
        if (given != null) {
            result = result.body(
                    given.isTextual() ? given.asText() : new String(Json.write(given), StandardCharsets.UTF_8));
        }
        JsonNode headers = body.raw("headers");
        if (headers == null) {
            return result;
        }
        if (!headers.isObject()) {
            body.reject("headers", "must be a JSON object of header names to string values");
            return null;
        }
        boolean valid = true;
        for (Map.Entry<String, JsonNode> header : headers.properties()) {
            if (!header.getValue().isTextual()) {
                body.reject("headers." + header.getKey(), "must be a string");
                valid = false;
            } else if (!validHeaderName(header.getKey())) {
                body.reject("headers." + header.getKey(), "is not a valid header name");
                valid = false;
            } else if (header.getValue().asText().matches("(?s).*[\\r\\n].*")) {
                body.reject("headers." + header.getKey(), "must not contain a line break");
                valid = false;
            } else {
                result = result.header(header.getKey(), header.getValue().asText());
            }
        }
        return valid ? result : null;
    }

    /** An RFC 9110 token; anything else would make the JDK server refuse the answer. */
    private static boolean validHeaderName(String name) {
        return !name.isEmpty() && name.chars().allMatch(c -> c > 32 && c < 127 && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0);
    }
}
