package io.runflow.model;

import java.util.Objects;

/**
 * One input a model declares ({@code inputs[]} of a catalog model; {@code GET
 * /v1/models/{model_id}/inputs/{id}}). The sets of types and validators are open and not documented:
 * they stay strings, as sent.
 */
public final class ModelInputDefinition {

    private final String id;
    private final String name;
    private final String displayName;
    private final String description;
    private final String type;
    private final boolean required;
    private final JsonValue defaultValue;
    private final String defaultBehavior;
    private final String validator;
    private final JsonValue validatorAttributes;
    private final Integer sortOrder;
    private final boolean featured;
    private final JsonValue raw;

    private ModelInputDefinition(Builder builder) {
        this.id = builder.id;
        this.name = builder.name;
        this.displayName = builder.displayName;
        this.description = builder.description;
        this.type = builder.type;
        this.required = builder.required;
        this.defaultValue = builder.defaultValue == null ? JsonValue.JsonNull.INSTANCE : builder.defaultValue;
        this.defaultBehavior = builder.defaultBehavior;
        this.validator = builder.validator;
        this.validatorAttributes =
                builder.validatorAttributes == null ? JsonValue.JsonNull.INSTANCE : builder.validatorAttributes;
        this.sortOrder = builder.sortOrder;
        this.featured = builder.featured;
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
     * Returns the input's field name in a run's {@code input}, for example {@code prompt}.
     *
     * @return the input's field name in a run's {@code input}, for example {@code prompt}
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
     * Returns what the input does.
     *
     * @return what the input does
     */
    public String description() {
        return description;
    }

    /**
     * Returns the {@code variable_type_code}, for example {@code string}, {@code integer}, {@code image}, {@code image_list} or {@code json}.
     *
     * @return the {@code variable_type_code}, for example {@code string}, {@code integer}, {@code image}, {@code image_list} or {@code json}
     */
    public String type() {
        return type;
    }

    /**
     * Returns whether a run must give it ({@code is_required}; false when not reported).
     *
     * @return whether a run must give it ({@code is_required}; false when not reported)
     */
    public boolean required() {
        return required;
    }

    /**
     * Returns the {@code default_value} as sent, or JSON {@code null} when absent.
     *
     * @return the {@code default_value} as sent, or JSON {@code null} when absent
     */
    public JsonValue defaultValue() {
        return defaultValue;
    }

    /**
     * Returns the {@code default_behavior_code}, {@code null} if not given.
     *
     * @return the {@code default_behavior_code}, {@code null} if not given
     */
    public String defaultBehavior() {
        return defaultBehavior;
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
     * Returns the {@code validator_attrs} object as sent (allowed values, bounds), or JSON {@code null} when absent.
     *
     * @return the {@code validator_attrs} object as sent (allowed values, bounds), or JSON {@code null} when absent
     */
    public JsonValue validatorAttributes() {
        return validatorAttributes;
    }

    /**
     * Returns the position in the model's form, {@code null} if not given.
     *
     * @return the position in the model's form, {@code null} if not given
     */
    public Integer sortOrder() {
        return sortOrder;
    }

    /**
     * Returns whether docs feature it ({@code is_featured}; false when not reported).
     *
     * @return whether docs feature it ({@code is_featured}; false when not reported)
     */
    public boolean featured() {
        return featured;
    }

    /**
     * Returns the definition as received.
     *
     * @return the definition as received
     */
    public JsonValue raw() {
        return raw;
    }

    /**
     * Tells whether a default value is declared.
     *
     * @return true if {@code default_value} is present and not {@code null}
     */
    public boolean hasDefault() {
        return !defaultValue.isNull();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        return o instanceof ModelInputDefinition other
                && Objects.equals(id, other.id)
                && Objects.equals(name, other.name)
                && Objects.equals(displayName, other.displayName)
                && Objects.equals(description, other.description)
                && Objects.equals(type, other.type)
                && required == other.required
                && Objects.equals(defaultValue, other.defaultValue)
                && Objects.equals(defaultBehavior, other.defaultBehavior)
                && Objects.equals(validator, other.validator)
                && Objects.equals(validatorAttributes, other.validatorAttributes)
                && Objects.equals(sortOrder, other.sortOrder)
                && featured == other.featured
                && Objects.equals(raw, other.raw);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                id,
                name,
                displayName,
                description,
                type,
                required,
                defaultValue,
                defaultBehavior,
                validator,
                validatorAttributes,
                sortOrder,
                featured,
                raw);
    }

    @Override
    public String toString() {
        return "ModelInputDefinition[id=" + id + ", name=" + name + ", displayName=" + displayName + ", description="
                + description + ", type=" + type + ", required=" + required + ", defaultValue=" + defaultValue
                + ", defaultBehavior=" + defaultBehavior + ", validator=" + validator + ", validatorAttributes="
                + validatorAttributes + ", sortOrder=" + sortOrder + ", featured=" + featured + ", raw=" + raw + "]";
    }

    /** Builds a {@link ModelInputDefinition}; name is required. */
    public static final class Builder {

        private String id;
        private String name;
        private String displayName;
        private String description;
        private String type;
        private boolean required;
        private JsonValue defaultValue = JsonValue.JsonNull.INSTANCE;
        private String defaultBehavior;
        private String validator;
        private JsonValue validatorAttributes = JsonValue.JsonNull.INSTANCE;
        private Integer sortOrder;
        private boolean featured;
        private JsonValue raw = JsonValue.JsonNull.INSTANCE;

        private Builder() {}

        private Builder(ModelInputDefinition source) {
            this.id = source.id;
            this.name = source.name;
            this.displayName = source.displayName;
            this.description = source.description;
            this.type = source.type;
            this.required = source.required;
            this.defaultValue = source.defaultValue;
            this.defaultBehavior = source.defaultBehavior;
            this.validator = source.validator;
            this.validatorAttributes = source.validatorAttributes;
            this.sortOrder = source.sortOrder;
            this.featured = source.featured;
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
         * @param name the input's field name in a run's {@code input}, for example {@code prompt}, not null
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
         * @param description what the input does
         * @return this builder
         */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /**
         * Sets {@code type}.
         *
         * @param type the {@code variable_type_code}, for example {@code string}, {@code integer}, {@code image}, {@code image_list} or {@code json}
         * @return this builder
         */
        public Builder type(String type) {
            this.type = type;
            return this;
        }

        /**
         * Sets {@code required}.
         *
         * @param required whether a run must give it ({@code is_required}; false when not reported)
         * @return this builder
         */
        public Builder required(boolean required) {
            this.required = required;
            return this;
        }

        /**
         * Sets {@code defaultValue}.
         *
         * @param defaultValue the {@code default_value} as sent, or JSON {@code null} when absent; {@code null} stands for JSON {@code null}
         * @return this builder
         */
        public Builder defaultValue(JsonValue defaultValue) {
            this.defaultValue = defaultValue == null ? JsonValue.JsonNull.INSTANCE : defaultValue;
            return this;
        }

        /**
         * Sets {@code defaultBehavior}.
         *
         * @param defaultBehavior the {@code default_behavior_code}, {@code null} if not given
         * @return this builder
         */
        public Builder defaultBehavior(String defaultBehavior) {
            this.defaultBehavior = defaultBehavior;
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
         * @param validatorAttributes the {@code validator_attrs} object as sent (allowed values, bounds), or JSON {@code null} when absent; {@code null} stands for JSON {@code null}
         * @return this builder
         */
        public Builder validatorAttributes(JsonValue validatorAttributes) {
            this.validatorAttributes = validatorAttributes == null ? JsonValue.JsonNull.INSTANCE : validatorAttributes;
            return this;
        }

        /**
         * Sets {@code sortOrder}.
         *
         * @param sortOrder the position in the model's form, {@code null} if not given
         * @return this builder
         */
        public Builder sortOrder(Integer sortOrder) {
            this.sortOrder = sortOrder;
            return this;
        }

        /**
         * Sets {@code featured}.
         *
         * @param featured whether docs feature it ({@code is_featured}; false when not reported)
         * @return this builder
         */
        public Builder featured(boolean featured) {
            this.featured = featured;
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
        public ModelInputDefinition build() {
            if (name == null) {
                throw new IllegalStateException("name is required");
            }
            return new ModelInputDefinition(this);
        }
    }
}
