package io.runflow.benchmarks;

import io.runflow.RunflowClient;
import io.runflow.testkit.junit.RunflowTest;
import org.junit.jupiter.api.Test;

/**
 * P7, suite A: twenty tests as a user writes them with the testkit. {@link RunflowTest} starts one
 * fake per class, resets it before each test and injects a client whose waits run in the fake's
 * time (deterministic: time moves only when the client's wait advances it), so awaiting a run takes
 * no real time. Kept in {@code src/main} so that surefire does not run it; {@link SuiteMain} runs it
 * through the JUnit Platform Launcher in a fresh JVM.
 */
@RunflowTest(deterministic = true)
class RunflowTestSuite {

    @Test
    void createsAndAwaitsRun01(RunflowClient runflow) {
        CreateAndAwait.once(runflow, 1);
    }

    @Test
    void createsAndAwaitsRun02(RunflowClient runflow) {
        CreateAndAwait.once(runflow, 2);
    }

    @Test
    void createsAndAwaitsRun03(RunflowClient runflow) {
        CreateAndAwait.once(runflow, 3);
    }

    @Test
    void createsAndAwaitsRun04(RunflowClient runflow) {
        CreateAndAwait.once(runflow, 4);
    }

    @Test
    void createsAndAwaitsRun05(RunflowClient runflow) {
        CreateAndAwait.once(runflow, 5);
    }

    @Test
    void createsAndAwaitsRun06(RunflowClient runflow) {
        CreateAndAwait.once(runflow, 6);
    }

    @Test
    void createsAndAwaitsRun07(RunflowClient runflow) {
        CreateAndAwait.once(runflow, 7);
    }

    @Test
    void createsAndAwaitsRun08(RunflowClient runflow) {
        CreateAndAwait.once(runflow, 8);
    }

    @Test
    void createsAndAwaitsRun09(RunflowClient runflow) {
        CreateAndAwait.once(runflow, 9);
    }

    @Test
    void createsAndAwaitsRun10(RunflowClient runflow) {
        CreateAndAwait.once(runflow, 10);
    }

    @Test
    void createsAndAwaitsRun11(RunflowClient runflow) {
        CreateAndAwait.once(runflow, 11);
    }

    @Test
    void createsAndAwaitsRun12(RunflowClient runflow) {
        CreateAndAwait.once(runflow, 12);
    }

    @Test
    void createsAndAwaitsRun13(RunflowClient runflow) {
        CreateAndAwait.once(runflow, 13);
    }

    @Test
    void createsAndAwaitsRun14(RunflowClient runflow) {
        CreateAndAwait.once(runflow, 14);
    }

    @Test
    void createsAndAwaitsRun15(RunflowClient runflow) {
        CreateAndAwait.once(runflow, 15);
    }

    @Test
    void createsAndAwaitsRun16(RunflowClient runflow) {
        CreateAndAwait.once(runflow, 16);
    }

    @Test
    void createsAndAwaitsRun17(RunflowClient runflow) {
        CreateAndAwait.once(runflow, 17);
    }

    @Test
    void createsAndAwaitsRun18(RunflowClient runflow) {
        CreateAndAwait.once(runflow, 18);
    }

    @Test
    void createsAndAwaitsRun19(RunflowClient runflow) {
        CreateAndAwait.once(runflow, 19);
    }

    @Test
    void createsAndAwaitsRun20(RunflowClient runflow) {
        CreateAndAwait.once(runflow, 20);
    }
}
