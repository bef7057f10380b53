package io.runflow.model;

import java.util.Objects;

/**
 * One output a model declares ({@code outputs[]} of a catalog model).
 */
public final class ModelOutputDefinition {

    private final String id;
    private final String name;
    private final String displayName;
    private final String description;
    private final String type;
    private final String validator;
    private final JsonValue validatorAttributes;
    private final Integer sortOrder;
    private final JsonValue raw;

    private ModelOutputDefinition(Builder builder) {
        this.id = builder.id;
        this.name = builder.name;
        this.displayName = builder.displayName;
        this.description = builder.description;
        this.type = builder.type;
        this.validator = builder.validator;
        this.validatorAttributes =
                builder.validatorAttributes == null ? JsonValue.JsonNull.INSTANCE : builder.validatorAttributes;
        this.sortOrder = builder.sortOrder;
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
     * Returns the definition's id, {@code null} if not given.
     *
     * @return the definition's id, {@code null} if not given
     */
    public String id() {
        return id;
    }

    /**
     * Returns the output's field name in a run's {@code output}, for example {@code outputs}.
     *
     * @return the output's field name in a run's {@code output}, for example {@code outputs}
     */
    public String name() {
        return name;
    }

    /**
     * Returns the label docs show.
     *
     * @return the label docs show
     */
    public String displayName() {
        return displayName;
    }

    /**
     * Returns what the output holds.
     *
     * @return what the output holds
     */
    public String description() {
        return description;
    }

    /**
     * Returns the {@code variable_type_code}, for example {@code json} or {@code image_list}.
     *
     * @return the {@code variable_type_code}, for example {@code json} or {@code image_list}
     */
    public String type() {
        return type;
    }

    /**
     * Returns the {@code validator_code}, {@code null} if none.
     *
     * @return the {@code validator_code}, {@code null} if none
     */
    public String validator() {
        return validator;
    }

    /**
     * Returns the {@code validator_attrs} object as sent, or JSON {@code null} when absent.
     *
     * @return the {@code validator_attrs} object as sent, or JSON {@code null} when absent
     */
    public JsonValue validatorAttributes() {
        return validatorAttributes;
    }

    /**
     * Returns the position in the model's page, {@code null} if not given.
     *
     * @return the position in the model's page, {@code null} if not given
     */
    public Integer sortOrder() {
        return sortOrder;
    }

    /**
     * Returns the definition as received.
     *
     * @return the definition as received
     */
    public JsonValue raw() {
        return raw;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        return o instanceof ModelOutputDefinition other
                && Objects.equals(id, other.id)
                && Objects.equals(name, other.name)
                && Objects.equals(displayName, other.displayName)
                && Objects.equals(description, other.description)
                && Objects.equals(type, other.type)
                && Objects.equals(validator, other.validator)
                && Objects.equals(validatorAttributes, other.validatorAttributes)
                && Objects.equals(sortOrder, other.sortOrder)
                && Objects.equals(raw, other.raw);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name, displayName, description, type, validator, validatorAttributes, sortOrder, raw);
    }

    @Override
    public String toString() {
        return "ModelOutputDefinition[id=" + id + ", name=" + name + ", displayName=" + displayName + ", description="
                + description + ", type=" + type + ", validator=" + validator + ", validatorAttributes="
                + validatorAttributes + ", sortOrder=" + sortOrder + ", raw=" + raw + "]";
    }

    /** Builds a {@link ModelOutputDefinition}; name is required. */
    public static final class Builder {

        private String id;
        private String name;
        private String displayName;
        private String description;
        private String type;
        private String validator;
        private JsonValue validatorAttributes = JsonValue.JsonNull.INSTANCE;
        private Integer sortOrder;
        private JsonValue raw = JsonValue.JsonNull.INSTANCE;

        private Builder() {}

        private Builder(ModelOutputDefinition source) {
            this.id = source.id;
            this.name = source.name;
            this.displayName = source.displayName;
            this.description = source.description;
            this.type = source.type;
            this.validator = source.validator;
            this.validatorAttributes = source.validatorAttributes;
            this.sortOrder = source.sortOrder;
            this.raw = source.raw;
        }

        /**
         * Sets {@code id}.
         *
         * @param id the definition's id, {@code null} if not given
         * @return this builder
         */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /**
         * Sets {@code name}.
         *
         * @param name the output's field name in a run's {@code output}, for example {@code outputs}, not null
         * @return this builder
         */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * Sets {@code displayName}.
         *
         * @param displayName the label docs show
         * @return this builder
         */
        public Builder displayName(String displayName) {
            this.displayName = displayName;
            return this;
        }

        /**
         * Sets {@code description}.
         *
         * @param description what the output holds
         * @return this builder
         */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /**
         * Sets {@code type}.
         *
         * @param type the {@code variable_type_code}, for example {@code json} or {@code image_list}
         * @return this builder
         */
        public Builder type(String type) {
            this.type = type;
            return this;
        }

        /**
         * Sets {@code validator}.
         *
         * @param validator the {@code validator_code}, {@code null} if none
         * @return this builder
         */
        public Builder validator(String validator) {
            this.validator = validator;
            return this;
        }

        /**
         * Sets {@code validatorAttributes}.
         *
         * @param validatorAttributes the {@code validator_attrs} object as sent, or JSON {@code null} when absent; {@code null} stands for JSON {@code null}
         * @return this builder
         */
        public Builder validatorAttributes(JsonValue validatorAttributes) {
            this.validatorAttributes = validatorAttributes == null ? JsonValue.JsonNull.INSTANCE : validatorAttributes;
            return this;
        }

        /**
         * Sets {@code sortOrder}.
         *
         * @param sortOrder the position in the model's page, {@code null} if not given
         * @return this builder
         */
        public Builder sortOrder(Integer sortOrder) {
            this.sortOrder = sortOrder;
            return this;
        }

        /**
         * Sets {@code raw}.
         *
         * @param raw the definition as received; {@code null} stands for JSON {@code null}
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
        public ModelOutputDefinition build() {
            if (name == null) {
                throw new IllegalStateException("name is required");
            }
            return new ModelOutputDefinition(this);
        }
    }
}
