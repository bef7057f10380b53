package io.runflow.testkit.assertj;

import io.runflow.model.Run;
import io.runflow.testkit.FakeRunflowServer;
import io.runflow.testkit.RecordedCallback;

/**
 * The entry point of the testkit's AssertJ assertions. Import it statically next to AssertJ's own
 * {@code assertThat}; the overloads for these types are the more specific ones.
 *
 * <pre>{@code
 * import static io.runflow.testkit.assertj.RunflowAssertions.assertThat;
 *
 * assertThat(server).hasReceivedRuns(1).hasReceivedRunWithInput("prompt", "a red sneaker");
 * assertThat(run).isSucceeded().hasImageOutput(2752, 1536);
 * assertThat(server.deliveries().get(0)).isDelivered().hasValidSignatureFor(server.webhookSecret());
 * }</pre>
 */
public final class RunflowAssertions {

    private RunflowAssertions() {}

    /**
     * Starts assertions on what a fake server received.
     *
     * @param actual the server
     * @return the assertion
     */
    public static FakeRunflowServerAssert assertThat(FakeRunflowServer actual) {
        return new FakeRunflowServerAssert(actual);
    }

    /**
     * Starts assertions on a run as the client decoded it.
     *
     * @param actual the run
     * @return the assertion
     */
    public static RunAssert assertThat(Run actual) {
        return new RunAssert(actual);
    }

    /**
     * Starts assertions on one callback delivery of the fake server.
     *
     * @param actual the delivery
     * @return the assertion
     */
    public static RecordedCallbackAssert assertThat(RecordedCallback actual) {
        return new RecordedCallbackAssert(actual);
    }
}
