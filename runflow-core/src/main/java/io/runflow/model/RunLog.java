package io.runflow.model;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One log entry of a run ({@code GET /v1/runs/{id}/logs}).
 */
public final class RunLog {

    private final String id;
    private final String runId;
    private final String level;
    private final String message;
    private final OffsetDateTime timestamp;
    private final JsonValue meta;
    private final JsonValue raw;

    private RunLog(Builder builder) {
        this.id = builder.id;
        this.runId = builder.runId;
        this.level = builder.level;
        this.message = builder.message;
        this.timestamp = builder.timestamp;
        this.meta = builder.meta == null ? JsonValue.JsonNull.INSTANCE : builder.meta;
        this.raw = builder.raw == null ? JsonValue.JsonNull.INSTANCE : builder.raw;
    }

    /**
     * Returns a new builder.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder holding this value's fields, to build a changed copy.
     *
     * @return a builder initialised from this value
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Returns the entry id.
     *
     * @return the entry id
     */
    public String id() {
        return id;
    }

    /**
     * Returns the run it belongs to.
     *
     * @return the run it belongs to
     */
    public String runId() {
        return runId;
    }

    /**
     * Returns the {@code level_code} as sent, for example {@code info} or {@code error}.
     *
     * @return the {@code level_code} as sent, for example {@code info} or {@code error}
     */
    public String level() {
        return level;
    }

    /**
     * Returns the text.
     *
     * @return the text
     */
    public String message() {
        return message;
    }

    /**
     * Returns when it was logged.
     *
     * @return when it was logged
     */
    public OffsetDateTime timestamp() {
        return timestamp;
    }

    /**
     * Returns the {@code meta} object as sent, or JSON {@code null} when absent.
     *
     * @return the {@code meta} object as sent, or JSON {@code null} when absent
     */
    public JsonValue meta() {
        return meta;
    }

    /**
     * Returns the entry as received.
     *
     * @return the entry as received
     */
    public JsonValue raw() {
        return raw;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        return o instanceof RunLog other
                && Objects.equals(id, other.id)
                && Objects.equals(runId, other.runId)
                && Objects.equals(level, other.level)
                && Objects.equals(message, other.message)
                && Objects.equals(timestamp, other.timestamp)
                && Objects.equals(meta, other.meta)
                && Objects.equals(raw, other.raw);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, runId, level, message, timestamp, meta, raw);
    }

    @Override
    public String toString() {
        return "RunLog[id=" + id + ", runId=" + runId + ", level=" + level + ", message=" + message + ", timestamp="
                + timestamp + ", meta=" + meta + ", raw=" + raw + "]";
    }

    /** Builds a {@link RunLog}; id is required. */
    public static final class Builder {

        private String id;
        private String runId;
        private String level;
        private String message;
        private OffsetDateTime timestamp;
        private JsonValue meta = JsonValue.JsonNull.INSTANCE;
        private JsonValue raw = JsonValue.JsonNull.INSTANCE;

        private Builder() {}

        private Builder(RunLog source) {
            this.id = source.id;
            this.runId = source.runId;
            this.level = source.level;
            this.message = source.message;
            this.timestamp = source.timestamp;
            this.meta = source.meta;
            this.raw = source.raw;
        }

        /**
         * Sets {@code id}.
         *
         * @param id the entry id, not null
         * @return this builder
         */
        public Builder id(String id) {
            this.id = Objects.requireNonNull(id, "id");
            return this;
        }

        /**
         * Sets {@code runId}.
         *
         * @param runId the run it belongs to
         * @return this builder
         */
        public Builder runId(String runId) {
            this.runId = runId;
            return this;
        }

        /**
         * Sets {@code level}.
         *
         * @param level the {@code level_code} as sent, for example {@code info} or {@code error}
         * @return this builder
         */
        public Builder level(String level) {
            this.level = level;
            return this;
        }

        /**
         * Sets {@code message}.
         *
         * @param message the text
         * @return this builder
         */
        public Builder message(String message) {
            this.message = message;
            return this;
        }

        /**
         * Sets {@code timestamp}.
         *
         * @param timestamp when it was logged
         * @return this builder
         */
        public Builder timestamp(OffsetDateTime timestamp) {
            this.timestamp = timestamp;
            return this;
        }

        /**
         * Sets {@code meta}.
         *
         * @param meta the {@code meta} object as sent, or JSON {@code null} when absent; {@code null} stands for JSON {@code null}
         * @return this builder
         */
        public Builder meta(JsonValue meta) {
            this.meta = meta == null ? JsonValue.JsonNull.INSTANCE : meta;
            return this;
        }

        /**
         * Sets {@code raw}.
         *
         * @param raw the entry as received; {@code null} stands for JSON {@code null}
         * @return this builder
         */
        public Builder raw(JsonValue raw) {
            this.raw = raw == null ? JsonValue.JsonNull.INSTANCE : raw;
            return this;
        }

        /**
         * Builds the value.
         *
         * @return the value
         * @throws IllegalStateException if a required value is not set
         */
        public RunLog build() {
            if (id == null) {
                throw new IllegalStateException("id is required");
            }
            return new RunLog(this);
        }
    }
}
