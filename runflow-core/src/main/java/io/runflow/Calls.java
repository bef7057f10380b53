package io.runflow;

import io.runflow.errors.RunflowException;
import io.runflow.errors.RunflowIoException;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * What the services share around a call of the port: checking an id before it becomes a path
 * segment, and blocking on a future while rethrowing the SDK's own exceptions. One home, so sibling
 * services do not borrow each other's helpers.
 */
final class Calls {

    private Calls() {}

    /**
     * Checks an id the API handed out, before any request.
     *
     * @param id the id
     * @param name the parameter's name, for the message
     * @param what what the id must be, for the message (for example {@code "an id such as the API
     *     returned"})
     * @return {@code id}
     */
    static String requireId(String id, String name, String what) {
        Objects.requireNonNull(id, name);
        if (id.isBlank() || id.contains("/")) {
            throw new IllegalArgumentException(name + " must be " + what + ", got \"" + id + "\"");
        }
        return id;
    }

    /** Checks an id the API handed out, such as a batch's or an asset's. */
    static String requireId(String id, String name) {
        return requireId(id, name, "an id such as the API returned");
    }

    /** Unwraps {@link CompletionException} and {@link ExecutionException} down to the failure. */
    static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    /** Blocks for a future, rethrowing the SDK's own exceptions as they are. */
    static <T> T join(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(false);
            Thread.currentThread().interrupt();
            throw new RunflowIoException("interrupted while waiting", e);
        } catch (CancellationException e) {
            throw new RunflowException("the wait was cancelled", e);
        } catch (ExecutionException e) {
            Throwable cause = unwrap(e);
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new RunflowException(String.valueOf(cause.getMessage()), cause);
        }
    }
}
