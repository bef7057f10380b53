package io.runflow.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.runflow.RunflowClient;
import io.runflow.catalog.FluxProUltra;
import io.runflow.model.Run;
import io.runflow.model.RunStatus;

/**
 * P7: the body every test of both suites runs, so that only the test support differs between them:
 * create a FLUX Ultra run, await it, check that it succeeded with one image.
 */
final class CreateAndAwait {

    private CreateAndAwait() {}

    /**
     * Creates a run and awaits it.
     *
     * @param client the suite's client
     * @param test the test's number, which goes into the prompt
     * @return the finished run
     */
    static Run once(RunflowClient client, int test) {
        Run created = client.runs().create(FluxProUltra.input("a red sneaker on white, take " + test));
        Run done = client.runs().await(created);
        assertEquals(RunStatus.SUCCEEDED, done.status(), "status");
        assertEquals(1, done.output().outputs().size(), "outputs");
        return done;
    }
}
