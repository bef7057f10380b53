package io.runflow.feign;

import io.runflow.testkit.Fault;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The faults of the fault matrix: each one the fake can inject, with what it does to the request
 * ({@link #applied}: does the fake act on it) and how the SDK must answer it.
 */
enum MatrixFault {
    UNAVAILABLE_503(Fault::unavailable, false, Answer.RETRYABLE_STATUS),
    RATE_LIMITED_429(Fault::rateLimited, false, Answer.ALWAYS_RETRIED),
    RATE_LIMITED_429_RETRY_AFTER(() -> Fault.rateLimited().header("Retry-After", "2"), false, Answer.ALWAYS_RETRIED),
    CONNECTION_RESET(Fault::connectionReset, false, Answer.AMBIGUOUS_IO),
    ACCEPT_THEN_DROP(Fault::acceptThenDrop, true, Answer.AMBIGUOUS_IO),
    DELAY_PAST_READ_TIMEOUT(() -> Fault.delay(Times.DELAY), true, Answer.AMBIGUOUS_IO),
    HTML_ERROR_PAGE_502(() -> Fault.htmlPage(502), false, Answer.RETRYABLE_STATUS),
    HTML_PAGE_AS_2XX(() -> Fault.htmlPage(200), false, Answer.UNREADABLE),
    UNREADABLE_JSON_2XX(() -> Fault.status(200).body("{\"id\":"), false, Answer.UNREADABLE),
    TRUNCATED_2XX(Fault::truncatedBody, true, Answer.AMBIGUOUS_IO),
    SLOW_BODY_PAST_READ_TIMEOUT(() -> Fault.slowBody(Times.SLOW_BODY), true, Answer.AMBIGUOUS_IO),
    OVERSIZED_2XX_1_GIB(() -> Fault.oversizedBody(1L << 30), true, Answer.UNREADABLE);

    /** The wall-time figures of the matrix, apart so the constants above may name them. */
    static final class Times {
        /** Each attempt's read timeout in the matrix. */
        static final Duration READ_TIMEOUT = Duration.ofMillis(300);

        /** Twice the read timeout: the fake applies the request after the client gave up on it. */
        static final Duration DELAY = Duration.ofMillis(600);

        /**
         * Longer than any call's bound, so a client whose timeout stopped at the headers would fail the
         * bound rather than pass by reading the whole body.
         */
        static final Duration SLOW_BODY = Duration.ofSeconds(4);

        private Times() {}
    }

    /** How the SDK answers a fault. */
    enum Answer {
        /** 429: retried on every endpoint, after the policy's delay or the {@code Retry-After}. */
        ALWAYS_RETRIED,
        /** A 5xx: retried where replay is safe, else a {@code ServerException} saying it may have been applied. */
        RETRYABLE_STATUS,
        /** An I/O failure after the request left: as a 5xx, but a {@code RunflowIoException}. */
        AMBIGUOUS_IO,
        /** A 2xx whose body is not the answer: a {@code RunflowDecodingException}, never retried. */
        UNREADABLE
    }

    final Supplier<Fault> fault;
    final boolean applied;
    final Answer answer;

    MatrixFault(Supplier<Fault> fault, boolean applied, Answer answer) {
        this.fault = fault;
        this.applied = applied;
        this.answer = answer;
    }

    /** Whether the first attempt ends by the read timeout, which the call's bound must allow for. */
    boolean timesOut() {
        return this == DELAY_PAST_READ_TIMEOUT || this == SLOW_BODY_PAST_READ_TIMEOUT;
    }
}
