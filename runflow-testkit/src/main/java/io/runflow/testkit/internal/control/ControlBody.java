package io.runflow.testkit.internal.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runflow.testkit.internal.http.ErrorResponseException;
import io.runflow.testkit.internal.http.ErrorResponseException.FieldError;
import io.runflow.testkit.internal.http.Json;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A control request's JSON object, read field by field: every problem is collected under its dotted
 * field name, and {@link #check()} answers them all at once as 422 {@code VALIDATION_ERROR}. A field
 * given as JSON {@code null} counts as absent.
 */
final class ControlBody {

    /** Longer would overflow the server's clock, and no test needs it. */
    static final Duration MAX_DURATION = Duration.ofDays(3650);

    private static final String DURATION_FORMAT = "must be a number of seconds or an ISO-8601 duration such as PT1M30S";

    private final ObjectNode node;
    private final String prefix;
    private final List<FieldError> errors;

    private ControlBody(ObjectNode node, String prefix, List<FieldError> errors) {
        this.node = node;
        this.prefix = prefix;
        this.errors = errors;
    }

    /**
     * Parses a request body that must be a JSON object.
     *
     * @param body the bytes
     * @param optional whether an empty body stands for {@code {}}
     * @throws ErrorResponseException 400 when the body is not a JSON object
     */
    static ControlBody parse(byte[] body, boolean optional) {
        if (optional && body.length == 0) {
            return new ControlBody(Json.object(), "", new ArrayList<>());
        }
        JsonNode node = Json.parse(body);
        if (!node.isObject()) {
            throw ErrorResponseException.badRequest("request body must be a JSON object");
        }
        return new ControlBody((ObjectNode) node, "", new ArrayList<>());
    }

    /** Rejects every field not named here, so a misspelt one is an error rather than ignored. */
    void only(Set<String> known) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                reject(
                        name,
                        known.isEmpty()
                                ? "is not a known field; this endpoint takes none"
                                : "is not a known field; known: " + String.join(", ", new TreeSet<>(known)));
            }
        }
    }

    boolean has(String field) {
        JsonNode value = node.get(field);
        return value != null && !value.isNull();
    }

    /** The raw value, or null when absent. */
    JsonNode raw(String field) {
        return has(field) ? node.get(field) : null;
    }

    String text(String field, boolean required) {
        JsonNode value = raw(field);
        if (value == null) {
            if (required) {
                reject(field, "is required");
            }
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            reject(field, "must be a non-blank string");
            return null;
        }
        return value.asText();
    }

    Integer integer(String field, int min, int max) {
        JsonNode value = raw(field);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            reject(field, "must be an integer");
            return null;
        }
        int n = value.intValue();
        if (n < min || n > max) {
            reject(field, max == Integer.MAX_VALUE ? "must be at least " + min : "must be " + min + ".." + max);
            return null;
        }
        return n;
    }

    Boolean bool(String field) {
        JsonNode value = raw(field);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            reject(field, "must be true or false");
            return null;
        }
        return value.booleanValue();
    }

    /** An amount of money: a JSON number or a decimal string, zero or more. */
    BigDecimal money(String field, boolean required) {
        JsonNode value = raw(field);
        if (value == null) {
            if (required) {
                reject(field, "is required");
            }
            return null;
        }
        BigDecimal amount = null;
        if (value.isNumber()) {
            amount = value.decimalValue();
        } else if (value.isTextual()) {
            try {
                amount = new BigDecimal(value.asText().strip());
            } catch (NumberFormatException e) {
                amount = null;
            }
        }
        if (amount == null) {
            reject(field, "must be a decimal number of dollars, like 25 or \"25.00\"");
            return null;
        }
        if (amount.signum() < 0) {
            reject(field, "must not be negative");
            return null;
        }
        return amount;
    }

    /** A number of seconds (fractions allowed) or an ISO-8601 string; not negative, at most 10 years. */
    Duration duration(String field, boolean required) {
        JsonNode value = raw(field);
        if (value == null) {
            if (required) {
                reject(field, "is required");
            }
            return null;
        }
        Duration d;
        if (value.isNumber()) {
            BigDecimal seconds = value.decimalValue();
            if (seconds.abs().compareTo(BigDecimal.valueOf(MAX_DURATION.getSeconds())) > 0) {
                reject(field, seconds.signum() < 0 ? "must not be negative" : "must be at most " + MAX_DURATION);
                return null;
            }
            BigDecimal nanos = seconds.movePointRight(9);
            d = Duration.ofNanos(nanos.setScale(0, RoundingMode.DOWN).longValueExact());
        } else if (value.isTextual()) {
            try {
                d = Duration.parse(value.asText());
            } catch (DateTimeParseException e) {
                reject(field, DURATION_FORMAT);
                return null;
            }
        } else {
            reject(field, DURATION_FORMAT);
            return null;
        }
        if (d.isNegative()) {
            reject(field, "must not be negative");
            return null;
        }
        if (d.compareTo(MAX_DURATION) > 0) {
            reject(field, "must be at most " + MAX_DURATION);
            return null;
        }
        return d;
    }

    /** A nested object whose errors are named {@code field.inner}; null when absent or not an object. */
    ControlBody object(String field, boolean required) {
        JsonNode value = raw(field);
        if (value == null) {
            if (required) {
                reject(field, "is required");
            }
            return null;
        }
        if (!value.isObject()) {
            reject(field, "must be a JSON object");
            return null;
        }
        return new ControlBody((ObjectNode) value, prefix + field + ".", errors);
    }

    void reject(String field, String message) {
        errors.add(new FieldError(prefix + field, message));
    }

    /** @throws ErrorResponseException 422 with every problem found so far */
    void check() {
        if (!errors.isEmpty()) {
            throw ErrorResponseException.validation(errors);
        }
    }
}
