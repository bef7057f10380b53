package io.runflow.testkit.assertj;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.runflow.testkit.FakeRun;
import io.runflow.testkit.FakeRunflowServer;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/** Assertions on the runs a {@link FakeRunflowServer} received. Obtain with {@link RunflowAssertions}. */
public final class FakeRunflowServerAssert extends AbstractAssert<FakeRunflowServerAssert, FakeRunflowServer> {

    FakeRunflowServerAssert(FakeRunflowServer actual) {
        super(actual, FakeRunflowServerAssert.class);
    }

    /**
     * Checks how many runs were created (replays of an Idempotency-Key do not count).
     *
     * @param expected the number of runs
     * @return this assertion
     */
    public FakeRunflowServerAssert hasReceivedRuns(int expected) {
        isNotNull();
        List<FakeRun> runs = actual.runs();
        if (runs.size() != expected) {
            failWithMessage(
                    "%nExpecting the fake Runflow server to have received %s run(s) but it received %s:%n  %s",
                    expected, runs.size(), summary(runs));
        }
        return this;
    }

    /**
     * Checks that a run of a model was created.
     *
     * @param model the model id, e.g. {@code black-forest-labs/flux-1-1-pro-ultra}
     * @return this assertion
     */
    public FakeRunflowServerAssert hasReceivedRunFor(String model) {
        isNotNull();
        List<FakeRun> runs = actual.runs();
        if (runs.stream().noneMatch(r -> r.model().equals(model))) {
            failWithMessage(
                    "%nExpecting the fake Runflow server to have received a run of%n  %s%nbut it received runs of%n  %s",
                    model, runs.stream().map(FakeRun::model).collect(Collectors.toList()));
        }
        return this;
    }

    /**
     * Checks that a run was created whose {@code input} has this value in this field; the value is
     * compared as JSON, so {@code 42} matches {@code 42} and {@code "x"} matches {@code "x"}.
     *
     * @param field a top-level input field, e.g. {@code prompt}
     * @param value the expected value: a string, number, boolean or null
     * @return this assertion
     */
    public FakeRunflowServerAssert hasReceivedRunWithInput(String field, Object value) {
        isNotNull();
        JsonNode expected = json(value);
        List<FakeRun> runs = actual.runs();
        if (runs.stream().noneMatch(r -> expected.equals(r.input().get(field)))) {
            failWithMessage(
                    "%nExpecting the fake Runflow server to have received a run with input.%s%n  %s%nbut the runs had%n  %s",
                    field,
                    expected,
                    runs.stream()
                            .map(r ->
                                    r.input().has(field) ? r.input().get(field).toString() : "<absent>")
                            .collect(Collectors.toList()));
        }
        return this;
    }

    /**
     * Checks that a run was created with this {@code Idempotency-Key}.
     *
     * @param key the key
     * @return this assertion
     */
    public FakeRunflowServerAssert hasReceivedRunWithIdempotencyKey(String key) {
        isNotNull();
        List<FakeRun> runs = actual.runs();
        if (runs.stream().noneMatch(r -> Objects.equals(key, r.idempotencyKey()))) {
            failWithMessage(
                    "%nExpecting the fake Runflow server to have received a run with Idempotency-Key%n  %s%nbut the runs had%n  %s",
                    key, runs.stream().map(FakeRun::idempotencyKey).collect(Collectors.toList()));
        }
        return this;
    }

    /**
     * Checks that every run was created with an {@code Idempotency-Key}, as the SDK's creates are.
     *
     * @return this assertion
     */
    public FakeRunflowServerAssert hasIdempotencyKeysOnEveryRun() {
        isNotNull();
        List<String> without = actual.runs().stream()
                .filter(r -> r.idempotencyKey() == null)
                .map(FakeRun::id)
                .collect(Collectors.toList());
        if (!without.isEmpty()) {
            failWithMessage(
                    "%nExpecting every run to carry an Idempotency-Key but these runs had none:%n  %s", without);
        }
        return this;
    }

    private static JsonNode json(Object value) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (value == null) {
            return f.nullNode();
        }
        if (value instanceof JsonNode) {
            return (JsonNode) value;
        }
        if (value instanceof String) {
            return f.textNode((String) value);
        }
        if (value instanceof Boolean) {
            return f.booleanNode((Boolean) value);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            long v = ((Number) value).longValue();
            return v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE ? f.numberNode((int) v) : f.numberNode(v);
        }
        if (value instanceof Number) {
            return f.numberNode(((Number) value).doubleValue());
        }
        throw new IllegalArgumentException("input values are compared as JSON: pass a String, number, Boolean,"
                + " JsonNode or null, not " + value.getClass().getName());
    }

    private static String summary(List<FakeRun> runs) {
        return runs.stream()
                .map(r -> r.id() + " " + r.model() + " (" + r.status() + ")")
                .collect(Collectors.toList())
                .toString();
    }
}
