package io.runflow.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

class RunflowIoExceptionTest {

    @Test
    void anIoFailureMayHaveReachedTheServerUnlessSaidOtherwise() {
        RunflowIoException e = new RunflowIoException("GET /v1/health: reset", new IOException("reset"));

        assertThat(e.mayHaveReachedServer()).isTrue();
    }

    @Test
    void aRequestThatNeverLeftTheClientDidNotReachTheServer() {
        ConnectException refused = new ConnectException("refused");

        RunflowIoException e = RunflowIoException.neverSent("POST /v1/callback-secrets: ConnectException", refused);

        assertThat(e.mayHaveReachedServer()).isFalse();
        assertThat(e).hasMessage("POST /v1/callback-secrets: ConnectException").hasCause(refused);
    }
}
