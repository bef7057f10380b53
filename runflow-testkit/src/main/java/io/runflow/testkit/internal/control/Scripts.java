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
            Set.of("kind", "status", "body", "headers", "delay", "times", "path");
    private static final Set<String> RESPOND_KINDS = Set.of("status", "rate_limited", "unavailable");

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
     * {@code {"kind": "status"|"rate_limited"|"unavailable"|"delay"|"connection_reset"|"accept_then_drop",
     * "status", "body", "headers", "delay", "times", "path"}}.
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
                    body.reject(field, "applies only to kinds status, rate_limited and unavailable");
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
        if (!kind.equals("status") && body.has("status")) {
            body.reject("status", "applies only to kind status");
        }
        if (!kind.equals("delay") && body.has("delay")) {
            body.reject("delay", "applies only to kind delay");
        }
        switch (kind) {
            case "status":
                if (!body.has("status")) {
                    body.reject("status", "is required for kind status");
                    return null;
                }
                Integer status = body.integer("status", 100, 599);
                return status == null ? null : Fault.status(status);
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
            default:
                body.reject(
                        "kind",
                        "must be one of status, rate_limited, unavailable, delay, connection_reset,"
                                + " accept_then_drop; got " + kind);
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
