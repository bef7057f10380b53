package io.runflow.testkit.assertj;

import io.runflow.model.JsonValue;
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
        JsonValue expected = json(value);
        List<FakeRun> runs = actual.runs();
        if (runs.stream()
                .noneMatch(r -> r.input() instanceof JsonValue.JsonObject input
                        && input.get(field).filter(expected::equals).isPresent())) {
            failWithMessage(
                    "%nExpecting the fake Runflow server to have received a run with input.%s%n  %s%nbut the runs had%n  %s",
                    field,
                    expected,
                    runs.stream()
                            .map(r -> r.input() instanceof JsonValue.JsonObject input
                                            && input.get(field).isPresent()
                                    ? input.get(field).get().toString()
                                    : "<absent>")
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

    private static JsonValue json(Object value) {
        if (value == null
                || value instanceof JsonValue
                || value instanceof String
                || value instanceof Boolean
                || value instanceof Number) {
            return JsonValue.from(value);
        }
        throw new IllegalArgumentException("input values are compared as JSON: pass a String, number, Boolean,"
                + " JsonValue or null, not " + value.getClass().getName());
    }

    private static String summary(List<FakeRun> runs) {
        return runs.stream()
                .map(r -> r.id() + " " + r.model() + " (" + r.status() + ")")
                .collect(Collectors.toList())
                .toString();
    }
}
