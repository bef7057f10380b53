package io.runflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runflow.errors.RunflowException;
import io.runflow.errors.RunflowIoException;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** The helpers every service shares: id checks before a request, and blocking on a future. */
class CallsTest {

    @Test
    void anIdWithASlashOrOnlyBlanksIsRejectedWithWhatItMustBe() {
        assertThatThrownBy(() -> Calls.requireId("a/b", "assetId"))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("assetId must be an id such as the API returned, got \"a/b\"");
        assertThatThrownBy(() -> Calls.requireId(" ", "runId", "a run id"))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("runId must be a run id, got \" \"");
        assertThatThrownBy(() -> Calls.requireId(null, "batchId")).hasMessage("batchId");
    }

    @Test
    void aPlainIdIsReturnedAsItIs() {
        assertThat(Calls.requireId("r-1", "runId")).isEqualTo("r-1");
    }

    @Test
    void unwrapPeelsCompletionAndExecutionExceptions() {
        IOException cause = new IOException("disk");
        assertThat(Calls.unwrap(new CompletionException(new ExecutionException(cause))))
                .isSameAs(cause);
        assertThat(Calls.unwrap(cause)).isSameAs(cause);
        CompletionException bare = new CompletionException("no cause", null);
        assertThat(Calls.unwrap(bare)).isSameAs(bare);
    }

    @Test
    void joinRethrowsARuntimeFailureItself() {
        IllegalStateException failure = new IllegalStateException("boom");
        assertThatThrownBy(() -> Calls.join(CompletableFuture.failedFuture(failure)))
                .isSameAs(failure);
    }

    @Test
    void joinRethrowsAnErrorItself() {
        AssertionError failure = new AssertionError("boom");
        assertThatThrownBy(() -> Calls.join(CompletableFuture.failedFuture(failure)))
                .isSameAs(failure);
    }

    @Test
    void joinWrapsACheckedFailure() {
        IOException failure = new IOException("disk");
        assertThatThrownBy(() -> Calls.join(CompletableFuture.failedFuture(failure)))
                .isExactlyInstanceOf(RunflowException.class)
                .hasMessage("disk")
                .hasCause(failure);
    }

    @Test
    void joinOfACancelledWaitSaysSo() {
        CompletableFuture<String> future = new CompletableFuture<>();
        future.cancel(false);
        assertThatThrownBy(() -> Calls.join(future))
                .isExactlyInstanceOf(RunflowException.class)
                .hasMessage("the wait was cancelled");
    }

    @Test
    void anInterruptedJoinCancelsTheWaitAndKeepsTheInterrupt() {
        CompletableFuture<String> future = new CompletableFuture<>();
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> Calls.join(future))
                    .isExactlyInstanceOf(RunflowIoException.class)
                    .hasMessage("interrupted while waiting");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
            assertThat(future).isCancelled();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void joinReturnsTheValue() {
        assertThat(Calls.join(CompletableFuture.completedFuture("v"))).isEqualTo("v");
    }
}
