package io.runflow.feign;

import static org.assertj.core.api.Assertions.assertThat;

import io.runflow.errors.RunflowIoException;
import io.runflow.errors.ServerException;
import io.runflow.model.ApiError;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailureKindsTest {

    @Test
    void saysInWordsWhatWentWrong() {
        assertThat(FailureKinds.words(new ConnectException("Connection refused")))
                .isEqualTo("connection refused");
        assertThat(FailureKinds.words(new IOException(new ConnectException()))).isEqualTo("connection refused");
        assertThat(FailureKinds.words(new HttpConnectTimeoutException("x"))).isEqualTo("connect timed out");
        assertThat(FailureKinds.words(new HttpTimeoutException("request timed out")))
                .isEqualTo("timed out");
        assertThat(FailureKinds.words(new SocketTimeoutException())).isEqualTo("timed out");
        assertThat(FailureKinds.words(new UnknownHostException("api.example"))).isEqualTo("unknown host");
        assertThat(FailureKinds.words(new NoRouteToHostException())).isEqualTo("no route to host");
        assertThat(FailureKinds.words(new SocketException("Connection reset"))).isEqualTo("connection reset");
        assertThat(FailureKinds.words(new IOException("HTTP/1.1 header parser received no bytes")))
                .isEqualTo("connection closed without an answer");
        assertThat(FailureKinds.words(new IOException("broken pipe"))).isEqualTo("IOException: broken pipe");
        assertThat(FailureKinds.words(new IOException())).isEqualTo("IOException");
    }

    @Test
    void givesARetrysReasonAsTheStatusOrTheWords() {
        ServerException unavailable = new ServerException(
                503, new ApiError("UNAVAILABLE", "down", List.of()), "req_1", "503 UNAVAILABLE: down");

        assertThat(FailureKinds.retryReason(unavailable)).isEqualTo("HTTP 503");
        assertThat(FailureKinds.retryReason(new RunflowIoException("GET /v1/runs: x", new ConnectException())))
                .isEqualTo("connection refused");
        assertThat(FailureKinds.retryReason(new RunflowIoException("GET /v1/runs: gone", null)))
                .isEqualTo("GET /v1/runs: gone");
    }

    @Test
    void writesRetryDelaysForPeople() {
        assertThat(PolicyRetryer.seconds(Duration.ofMillis(250))).isEqualTo("250 ms");
        assertThat(PolicyRetryer.seconds(Duration.ofSeconds(2))).isEqualTo("2 s");
        assertThat(PolicyRetryer.seconds(Duration.ofMillis(1500))).isEqualTo("1.5 s");
        assertThat(PolicyRetryer.seconds(Duration.ofMillis(1234))).isEqualTo("1.2 s");
    }
}
