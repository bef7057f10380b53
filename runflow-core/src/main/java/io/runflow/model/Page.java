package io.runflow.model;

import java.util.List;
import java.util.Objects;

/**
 * One page of a list endpoint: {@code {items, first, next, previous}}. The older cursor names
 * {@code next_pq} and {@code prev_pq} are read too.
 *
 * @param items the resources on this page; never {@code null}
 * @param first the cursor of the first page, {@code null} if not given
 * @param next the cursor to pass as {@code pq} for the next page, {@code null} on the last page
 * @param previous the cursor of the previous page, {@code null} on the first page
 * @param <T> the resource type
 */
public record Page<T>(List<T> items, String first, String next, String previous) {

    /** Copies the items. */
    public Page {
        items = List.copyOf(Objects.requireNonNull(items, "items"));
        next = blankToNull(next);
        previous = blankToNull(previous);
        first = blankToNull(first);
    }

    /**
     * Tells whether another page follows.
     *
     * @return true if {@link #next()} is a cursor
     */
    public boolean hasNext() {
        return next != null;
    }

    private static String blankToNull(String cursor) {
        return cursor == null || cursor.isBlank() ? null : cursor;
    }
}
