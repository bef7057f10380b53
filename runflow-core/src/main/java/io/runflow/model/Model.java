package io.runflow.model;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A model of the catalog ({@code GET /v1/models}, {@code GET /v1/models/{owner}/{slug}}, {@code GET
 * /v1/public/models}), with its typed input and output definitions. Pricing notes and everything
 * else stay in {@link #raw()}.
 */
public final class Model {

    private final String id;
    private final String slug;
    private final String name;
    private final String description;
    private final String statusCode;
    private final Boolean isPublic;
    private final List<ModelInputDefinition> inputs;
    private final List<ModelOutputDefinition> outputs;
    private final OffsetDateTime createdAt;
    private final JsonValue raw;

    private Model(Builder builder) {
        this.id = builder.id;
        this.slug = builder.slug;
        this.name = builder.name;
        this.description = builder.description;
        this.statusCode = builder.statusCode;
        this.isPublic = builder.isPublic;
        this.inputs = builder.inputs == null ? List.of() : List.copyOf(builder.inputs);
        this.outputs = builder.outputs == null ? List.of() : List.copyOf(builder.outputs);
        this.createdAt = builder.createdAt;
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
     * Returns the model's id (a UUID, not the {@code owner/slug} path).
     *
     * @return the model's id (a UUID, not the {@code owner/slug} path)
     */
    public String id() {
        return id;
    }

    /**
     * Returns the model's slug.
     *
     * @return the model's slug
     */
    public String slug() {
        return slug;
    }

    /**
     * Returns the display name.
     *
     * @return the display name
     */
    public String name() {
        return name;
    }

    /**
     * Returns the description.
     *
     * @return the description
     */
    public String description() {
        return description;
    }

    /**
     * Returns for example {@code active}.
     *
     * @return for example {@code active}
     */
    public String statusCode() {
        return statusCode;
    }

    /**
     * Returns whether the model is public, {@code null} if not reported.
     *
     * @return whether the model is public, {@code null} if not reported
     */
    public Boolean isPublic() {
        return isPublic;
    }

    /**
     * Returns the input definitions, in the order sent; empty if not given.
     *
     * @return the input definitions, in the order sent; empty if not given
     */
    public List<ModelInputDefinition> inputs() {
        return inputs;
    }

    /**
     * Returns the output definitions, in the order sent; empty if not given.
     *
     * @return the output definitions, in the order sent; empty if not given
     */
    public List<ModelOutputDefinition> outputs() {
        return outputs;
    }

    /**
     * Returns when it was created.
     *
     * @return when it was created
     */
    public OffsetDateTime createdAt() {
        return createdAt;
    }

    /**
     * Returns the model as received.
     *
     * @return the model as received
     */
    public JsonValue raw() {
        return raw;
    }

    /**
     * Finds an input definition by name.
     *
     * @param name the input's field name, for example {@code prompt}
     * @return the definition, or empty if the model declares no such input
     */
    public java.util.Optional<ModelInputDefinition> input(String name) {
        Objects.requireNonNull(name, "name");
        return inputs.stream().filter(i -> i.name().equals(name)).findFirst();
    }

    /**
     * Returns the names of the inputs a run must give.
     *
     * @return the required inputs' names, in order
     */
    public List<String> requiredInputs() {
        return inputs.stream()
                .filter(ModelInputDefinition::required)
                .map(ModelInputDefinition::name)
                .toList();
    }

    @Override
    public String toString() {
        return "Model[id=" + id + ", slug=" + slug + "]";
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        return o instanceof Model other
                && Objects.equals(id, other.id)
                && Objects.equals(slug, other.slug)
                && Objects.equals(name, other.name)
                && Objects.equals(description, other.description)
                && Objects.equals(statusCode, other.statusCode)
                && Objects.equals(isPublic, other.isPublic)
                && Objects.equals(inputs, other.inputs)
                && Objects.equals(outputs, other.outputs)
                && Objects.equals(createdAt, other.createdAt)
                && Objects.equals(raw, other.raw);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, slug, name, description, statusCode, isPublic, inputs, outputs, createdAt, raw);
    }

    /** Builds a {@link Model}; id is required. */
    public static final class Builder {

        private String id;
        private String slug;
        private String name;
        private String description;
        private String statusCode;
        private Boolean isPublic;
        private List<ModelInputDefinition> inputs = List.of();
        private List<ModelOutputDefinition> outputs = List.of();
        private OffsetDateTime createdAt;
        private JsonValue raw = JsonValue.JsonNull.INSTANCE;

        private Builder() {}

        private Builder(Model source) {
            this.id = source.id;
            this.slug = source.slug;
            this.name = source.name;
            this.description = source.description;
            this.statusCode = source.statusCode;
            this.isPublic = source.isPublic;
            this.inputs = source.inputs;
            this.outputs = source.outputs;
            this.createdAt = source.createdAt;
            this.raw = source.raw;
        }

        /**
         * Sets {@code id}.
         *
         * @param id the model's id (a UUID, not the {@code owner/slug} path), not null
         * @return this builder
         */
        public Builder id(String id) {
            this.id = Objects.requireNonNull(id, "id");
            return this;
        }

        /**
         * Sets {@code slug}.
         *
         * @param slug the model's slug
         * @return this builder
         */
        public Builder slug(String slug) {
            this.slug = slug;
            return this;
        }

        /**
         * Sets {@code name}.
         *
         * @param name the display name
         * @return this builder
         */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /**
         * Sets {@code description}.
         *
         * @param description the description
         * @return this builder
         */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /**
         * Sets {@code statusCode}.
         *
         * @param statusCode for example {@code active}
         * @return this builder
         */
        public Builder statusCode(String statusCode) {
            this.statusCode = statusCode;
            return this;
        }

        /**
         * Sets {@code isPublic}.
         *
         * @param isPublic whether the model is public, {@code null} if not reported
         * @return this builder
         */
        public Builder isPublic(Boolean isPublic) {
            this.isPublic = isPublic;
            return this;
        }

        /**
         * Sets {@code inputs}.
         *
         * @param inputs the input definitions, in the order sent; empty if not given; {@code null} for none
         * @return this builder
         */
        public Builder inputs(List<ModelInputDefinition> inputs) {
            this.inputs = inputs == null ? List.of() : List.copyOf(inputs);
            return this;
        }

        /**
         * Sets {@code outputs}.
         *
         * @param outputs the output definitions, in the order sent; empty if not given; {@code null} for none
         * @return this builder
         */
        public Builder outputs(List<ModelOutputDefinition> outputs) {
            this.outputs = outputs == null ? List.of() : List.copyOf(outputs);
            return this;
        }

        /**
         * Sets {@code createdAt}.
         *
         * @param createdAt when it was created
         * @return this builder
         */
        public Builder createdAt(OffsetDateTime createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        /**
         * Sets {@code raw}.
         *
         * @param raw the model as received; {@code null} stands for JSON {@code null}
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
        public Model build() {
            if (id == null) {
                throw new IllegalStateException("id is required");
            }
            return new Model(this);
        }
    }
}
