package io.runflow.internal;

import com.fasterxml.jackson.core.ErrorReportConfiguration;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;

/**
 * The one Jackson factory of the SDK, with its read limits. Every parser the SDK opens (answers,
 * callbacks, {@code JsonValue.parse}) comes from here, so no reading path runs without the limits.
 * Not public API.
 */
public final class JsonLimits {

    /** The deepest nesting of arrays and objects read; the next level fails the whole body. */
    public static final int MAX_NESTING_DEPTH = 1000;

    /** The longest number token read, in characters. */
    public static final int MAX_NUMBER_LENGTH = 1000;

    /** The longest string value read, in characters (a run's input may echo a large data URI). */
    public static final int MAX_STRING_LENGTH = 20_000_000;

    /** The longest field name read, in characters. */
    public static final int MAX_NAME_LENGTH = 50_000;

    // Set here, not left to Jackson's defaults, which anyone in the JVM may change at once for every
    // parser (StreamReadConstraints.overrideDefaultStreamReadConstraints). With these bounds a body
    // of n bytes is read in O(n): no stack grows past MAX_NESTING_DEPTH, and no number conversion sees
    // more than MAX_NUMBER_LENGTH digits. Error messages quote no more than the first two characters
    // (Jackson's floor) of a broken token: a body may hold a secret (POST /v1/callback-secrets does).
    /** The factory; share it, never reconfigure it. */
    public static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING_DEPTH)
                    .maxNumberLength(MAX_NUMBER_LENGTH)
                    .maxStringLength(MAX_STRING_LENGTH)
                    .maxNameLength(MAX_NAME_LENGTH)
                    .build())
            .errorReportConfiguration(ErrorReportConfiguration.builder()
                    .maxErrorTokenLength(0)
                    .maxRawContentLength(0)
                    .build())
            .build();

    private JsonLimits() {}
}
