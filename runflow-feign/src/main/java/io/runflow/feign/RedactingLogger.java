package io.runflow.feign;

import feign.Response;
import feign.slf4j.Slf4jLogger;
import io.runflow.internal.Redaction;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feign's SLF4J logger (DEBUG, logger {@code io.runflow.feign.RunflowFeign}) with secrets taken out
 * of every line, whatever the Feign level: credential headers show {@code ***}, the {@code
 * plain_secret} of a callback-secret response and anything shaped like a webhook secret are masked,
 * and the API key itself is masked wherever it would appear. With DEBUG off it does no logging work
 * at all (the Feign level stays {@code BASIC} by default, so turning DEBUG on at run time is enough).
 */
final class RedactingLogger extends Slf4jLogger {

    static final String MASK = Redaction.MASK;

    private static final Set<String> SECRET_HEADERS =
            Set.of("authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key");

    private final Logger slf4j;
    private final String apiKey;

    RedactingLogger(String apiKey) {
        this(LoggerFactory.getLogger(RunflowFeign.class), apiKey);
    }

    private RedactingLogger(Logger slf4j, String apiKey) {
        super(slf4j);
        this.slf4j = slf4j;
        this.apiKey = apiKey;
    }

    /**
     * Feign's SLF4J logger checks the level before logging a request but not a response: at {@code
     * BASIC} it would build the status line's arguments, and from {@code HEADERS} on read the whole
     * body into a new buffer, only for {@link #log} to drop every line. With DEBUG off the response
     * passes untouched.
     */
    @Override
    protected Response logAndRebufferResponse(String configKey, Level logLevel, Response response, long elapsedTime)
            throws IOException {
        if (!slf4j.isDebugEnabled()) {
            return response;
        }
        return super.logAndRebufferResponse(configKey, logLevel, response, elapsedTime);
    }

    @Override
    protected IOException logIOException(String configKey, Level logLevel, IOException ioe, long elapsedTime) {
        if (!slf4j.isDebugEnabled()) {
            return ioe;
        }
        return super.logIOException(configKey, logLevel, ioe, elapsedTime);
    }

    @Override
    protected void log(String configKey, String format, Object... args) {
        if (!slf4j.isDebugEnabled()) {
            return;
        }
        if (args.length == 2 && "%s: %s".equals(format) && args[0] != null) {
            String header = args[0].toString();
            if (SECRET_HEADERS.contains(header.toLowerCase(Locale.ROOT))) {
                super.log(configKey, "%s: %s", header, MASK);
                return;
            }
        }
        super.log(configKey, "%s", redact(String.format(format, args)));
    }

    /** Feign's request line and headers, for {@link DirectMethodHandler} (the method is protected). */
    void request(String configKey, Level logLevel, feign.Request request) {
        logRequest(configKey, logLevel, request);
    }

    /** Feign's I/O failure line, for {@link DirectMethodHandler}. */
    void ioFailure(String configKey, Level logLevel, IOException failure, long elapsedMillis) {
        logIOException(configKey, logLevel, failure, elapsedMillis);
    }

    /** Feign's retry line, for {@link DirectMethodHandler}. */
    void retry(String configKey, Level logLevel) {
        logRetry(configKey, logLevel);
    }

    String redact(String line) {
        return Redaction.redact(line, apiKey);
    }
}
