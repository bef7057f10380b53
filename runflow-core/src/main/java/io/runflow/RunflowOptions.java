package io.runflow;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Every setting of a {@link RunflowClient}, validated and frozen by its builder, and handed to the
 * transport. {@link #toString()} never shows the API key.
 *
 * @param apiKey the API key, sent as {@code Authorization: Bearer <key>}
 * @param baseUrl the API's base URL, without a trailing slash
 * @param organizationId sent as {@code X-Organization-Id}, or {@code null} for the key's organization
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for a response
 * @param retryPolicy when failed requests are retried
 * @param pollPolicy how waits poll
 * @param clock the time source of deadlines
 * @param sleeper waits between retries
 * @param userAgent the {@code User-Agent} header value
 * @param observer hears each HTTP attempt and retry (transports report them) and each wait; never
 *     throws (see {@link RunflowObserver#failSafe(RunflowObserver)})
 */
public record RunflowOptions(
        String apiKey,
        URI baseUrl,
        String organizationId,
        Duration connectTimeout,
        Duration readTimeout,
        RetryPolicy retryPolicy,
        PollPolicy pollPolicy,
        Clock clock,
        Sleeper sleeper,
        String userAgent,
        RunflowObserver observer) {

    /** Checks that nothing required is missing. */
    public RunflowOptions {
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(retryPolicy, "retryPolicy");
        Objects.requireNonNull(pollPolicy, "pollPolicy");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(userAgent, "userAgent");
        observer = RunflowObserver.failSafe(observer);
    }

    @Override
    public String toString() {
        return "RunflowOptions[apiKey=***, baseUrl=" + baseUrl + ", organizationId=" + organizationId
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + ", retryPolicy="
                + retryPolicy + ", pollPolicy=" + pollPolicy + ", userAgent=" + userAgent + ", observer=" + observer
                + "]";
    }
}
