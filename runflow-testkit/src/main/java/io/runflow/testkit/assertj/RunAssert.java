package io.runflow.testkit.assertj;

import io.runflow.model.OutputFile;
import io.runflow.model.Run;
import io.runflow.model.RunStatus;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/** Assertions on a {@link Run} as the client decoded it. Obtain with {@link RunflowAssertions}. */
public final class RunAssert extends AbstractAssert<RunAssert, Run> {

    RunAssert(Run actual) {
        super(actual, RunAssert.class);
    }

    /**
     * Checks the status; a failed run's failure is shown in the message.
     *
     * @param expected the status
     * @return this assertion
     */
    public RunAssert hasStatus(RunStatus expected) {
        isNotNull();
        if (actual.status() != expected) {
            String failure = actual.failure() == null
                    ? ""
                    : String.format(
                            " (failure %s at %s: %s)",
                            actual.failure().code(),
                            actual.failure().stage(),
                            actual.failure().message());
            failWithMessage(
                    "%nExpecting run %s to have status%n  %s%nbut it had%n  %s%s",
                    actual.id(), expected, actual.status(), failure);
        }
        return this;
    }

    /**
     * Checks that the run succeeded.
     *
     * @return this assertion
     */
    public RunAssert isSucceeded() {
        return hasStatus(RunStatus.SUCCEEDED);
    }

    /**
     * Checks the number of output files.
     *
     * @param expected how many entries {@code output.outputs} has
     * @return this assertion
     */
    public RunAssert hasOutputCount(int expected) {
        isNotNull();
        int count = outputs().size();
        if (count != expected) {
            failWithMessage("%nExpecting run %s to have %s output(s) but it had %s", actual.id(), expected, count);
        }
        return this;
    }

    /**
     * Checks that one output is an image of this size.
     *
     * @param width pixels
     * @param height pixels
     * @return this assertion
     */
    public RunAssert hasImageOutput(int width, int height) {
        isNotNull();
        List<OutputFile> outputs = outputs();
        boolean found = outputs.stream()
                .anyMatch(o -> "image".equals(o.type())
                        && Objects.equals(o.width(), width)
                        && Objects.equals(o.height(), height));
        if (!found) {
            failWithMessage(
                    "%nExpecting run %s to have an image output of %sx%s but its outputs were%n  %s",
                    actual.id(),
                    width,
                    height,
                    outputs.stream()
                            .map(o -> o.type() + " " + o.width() + "x" + o.height())
                            .collect(Collectors.toList()));
        }
        return this;
    }

    private List<OutputFile> outputs() {
        return actual.output() == null ? List.of() : actual.output().outputs();
    }
}
