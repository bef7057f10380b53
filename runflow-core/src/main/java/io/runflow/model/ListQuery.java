package io.runflow.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Parameters of a list endpoint ({@code q}, {@code limit}, {@code sort_by}, {@code fields}, {@code
 * pq}, {@code from_prev}).
 *
 * <pre>{@code
 * ListQuery query = ListQuery.builder().status(RunStatus.SUCCEEDED).limit(50).build();
 * }</pre>
 *
 * @param q a filter expression, for example {@code status_code:succeeded}, or {@code null}
 * @param limit page size from 1 to 500, or {@code null} for the server's default
 * @param sortBy for example {@code created_at:desc}, or {@code null}
 * @param fields a projection such as {@code id,status_code,output}, or {@code null}
 * @param cursor the {@code pq} cursor of the page to fetch, or {@code null} for the first
 * @param fromPrev true to walk backwards from the cursor
 */
public record ListQuery(String q, Integer limit, String sortBy, String fields, String cursor, boolean fromPrev) {

    /** The largest page size the API accepts. */
    public static final int MAX_LIMIT = 500;

    /** Checks the page size. */
    public ListQuery {
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
    }

    /**
     * Returns the query with no parameters: the server's defaults.
     *
     * @return the empty query
     */
    public static ListQuery all() {
        return new ListQuery(null, null, null, null, null, false);
    }

    /**
     * Starts a query.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the same query at another cursor.
     *
     * @param cursor the {@code pq} value, from {@link Page#next()}
     * @return the copy
     */
    public ListQuery withCursor(String cursor) {
        return new ListQuery(q, limit, sortBy, fields, cursor, fromPrev);
    }

    /**
     * Returns the query as URL query parameters, in a stable order, leaving out unset ones.
     *
     * @return parameter name to (unencoded) value
     */
    public Map<String, String> toParameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        putIfSet(parameters, "q", q);
        putIfSet(parameters, "limit", limit == null ? null : limit.toString());
        putIfSet(parameters, "sort_by", sortBy);
        putIfSet(parameters, "fields", fields);
        putIfSet(parameters, "pq", cursor);
        if (fromPrev) {
            parameters.put("from_prev", "true");
        }
        return parameters;
    }

    private static void putIfSet(Map<String, String> parameters, String name, String value) {
        if (value != null) {
            parameters.put(name, value);
        }
    }

    /** Builds a {@link ListQuery}; conditions added with the helpers are joined with {@code AND}. */
    public static final class Builder {
        private final StringBuilder q = new StringBuilder();
        private Integer limit;
        private String sortBy;
        private String fields;
        private String cursor;
        private boolean fromPrev;

        private Builder() {}

        /**
         * Adds a raw filter condition, for example {@code created_at>2026-04-01}.
         *
         * @param condition the condition in Runflow's filter grammar
         * @return this builder
         */
        public Builder filter(String condition) {
            Objects.requireNonNull(condition, "condition");
            if (condition.isBlank()) {
                throw new IllegalArgumentException("filter condition must not be blank");
            }
            if (q.length() > 0) {
                q.append(" AND ");
            }
            q.append(condition.strip());
            return this;
        }

        /**
         * Keeps runs in one status ({@code status_code:<value>}).
         *
         * @param status the status; not {@link RunStatus#UNKNOWN}
         * @return this builder
         */
        public Builder status(RunStatus status) {
            Objects.requireNonNull(status, "status");
            if (status == RunStatus.UNKNOWN) {
                throw new IllegalArgumentException("status UNKNOWN cannot be filtered on; use filter(String)");
            }
            return filter("status_code:" + status.value());
        }

        /**
         * Keeps runs with one client reference ({@code client_ref.EQ:'<value>'}, exact match).
         *
         * @param clientRef the reference; must not contain a single quote
         * @return this builder
         */
        public Builder clientRef(String clientRef) {
            Objects.requireNonNull(clientRef, "clientRef");
            if (clientRef.indexOf('\'') >= 0) {
                throw new IllegalArgumentException("clientRef filter must not contain a single quote");
            }
            return filter("client_ref.EQ:'" + clientRef + "'");
        }

        /**
         * Sets the page size.
         *
         * @param limit 1 to 500; default: the server's
         * @return this builder
         */
        public Builder limit(int limit) {
            this.limit = limit;
            return this;
        }

        /**
         * Sets the sort order.
         *
         * @param sortBy for example {@code created_at:desc} (the server's default)
         * @return this builder
         */
        public Builder sortBy(String sortBy) {
            this.sortBy = Objects.requireNonNull(sortBy, "sortBy");
            return this;
        }

        /**
         * Sets the projection.
         *
         * @param fields a comma-separated field list
         * @return this builder
         */
        public Builder fields(String fields) {
            this.fields = Objects.requireNonNull(fields, "fields");
            return this;
        }

        /**
         * Starts at a cursor.
         *
         * @param cursor a {@code pq} value from an earlier page
         * @return this builder
         */
        public Builder cursor(String cursor) {
            this.cursor = Objects.requireNonNull(cursor, "cursor");
            return this;
        }

        /**
         * Walks backwards from the cursor.
         *
         * @param fromPrev true to walk backwards; default false
         * @return this builder
         */
        public Builder fromPrev(boolean fromPrev) {
            this.fromPrev = fromPrev;
            return this;
        }

        /**
         * Builds the query.
         *
         * @return the immutable query
         */
        public ListQuery build() {
            return new ListQuery(q.length() == 0 ? null : q.toString(), limit, sortBy, fields, cursor, fromPrev);
        }
    }
}
