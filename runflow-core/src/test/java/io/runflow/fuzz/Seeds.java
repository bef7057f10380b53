package io.runflow.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Recorded bodies to mutate, under {@code src/test/resources/fuzz}: runs in each status, a page of
 * runs, a batch, a page of batch items, callback deliveries, a created callback secret, error
 * answers, and run and batch callbacks, in the shapes of runflow-api.md and of the fake's JSON
 * writers.
 */
public final class Seeds {

    /** One run in each status the API sends. */
    public static final List<String> RUNS = List.of(
            "run-queued.json",
            "run-dispatching.json",
            "run-running.json",
            "run-succeeded.json",
            "run-failed.json",
            "run-canceled.json",
            "run-partial-succeeded.json");

    /** Error answers: the envelope with field errors, a rate limit, the nested form. */
    public static final List<String> ERRORS = List.of("error-422.json", "error-429.json", "error-nested.json");

    /** Callback bodies: a run that succeeded, failed, was canceled, and a batch. */
    public static final List<String> CALLBACKS = List.of(
            "callback-run-succeeded.json",
            "callback-run-failed.json",
            "callback-run-canceled.json",
            "callback-batch.json");

    /** The secret in {@code callback-secret-created.json}, which no message may show. */
    public static final String PLAIN_SECRET = "whsec_fuzz_4f9c2b7d8e1a6b3c";

    private Seeds() {}

    /**
     * Reads one seed.
     *
     * @param name the file name, for example {@code run-queued.json}
     * @return its bytes
     */
    public static byte[] bytes(String name) {
        try (InputStream in = Seeds.class.getResourceAsStream("/fuzz/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no seed " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
