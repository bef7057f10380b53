package io.runflow.model;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * The user behind the API key ({@code GET /v1/auth/me?embed=memberships,organizations}).
 */
public final class Me {

    private final String id;
    private final String email;
    private final String firstName;
    private final String lastName;
    private final String avatarUrl;
    private final String timezone;
    private final String localeCode;
    private final OffsetDateTime emailVerifiedAt;
    private final List<Membership> memberships;
    private final List<Organization> organizations;
    private final JsonValue raw;

    private Me(Builder builder) {
        this.id = builder.id;
        this.email = builder.email;
        this.firstName = builder.firstName;
        this.lastName = builder.lastName;
        this.avatarUrl = builder.avatarUrl;
        this.timezone = builder.timezone;
        this.localeCode = builder.localeCode;
        this.emailVerifiedAt = builder.emailVerifiedAt;
        this.memberships = builder.memberships == null ? List.of() : List.copyOf(builder.memberships);
        this.organizations = builder.organizations == null ? List.of() : List.copyOf(builder.organizations);
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
     * Returns the user id.
     *
     * @return the user id
     */
    public String id() {
        return id;
    }

    /**
     * Returns the e-mail address.
     *
     * @return the e-mail address
     */
    public String email() {
        return email;
    }

    /**
     * Returns the first name, {@code null} if not set.
     *
     * @return the first name, {@code null} if not set
     */
    public String firstName() {
        return firstName;
    }

    /**
     * Returns the last name, {@code null} if not set.
     *
     * @return the last name, {@code null} if not set
     */
    public String lastName() {
        return lastName;
    }

    /**
     * Returns the avatar, {@code null} if not set.
     *
     * @return the avatar, {@code null} if not set
     */
    public String avatarUrl() {
        return avatarUrl;
    }

    /**
     * Returns the time zone, {@code null} if not set.
     *
     * @return the time zone, {@code null} if not set
     */
    public String timezone() {
        return timezone;
    }

    /**
     * Returns the locale, {@code null} if not set.
     *
     * @return the locale, {@code null} if not set
     */
    public String localeCode() {
        return localeCode;
    }

    /**
     * Returns when the e-mail address was verified, {@code null} if not yet.
     *
     * @return when the e-mail address was verified, {@code null} if not yet
     */
    public OffsetDateTime emailVerifiedAt() {
        return emailVerifiedAt;
    }

    /**
     * Returns the user's organizations with their roles; empty if not given.
     *
     * @return the user's organizations with their roles; empty if not given
     */
    public List<Membership> memberships() {
        return memberships;
    }

    /**
     * Returns the organizations embedded beside the memberships; empty if not given.
     *
     * @return the organizations embedded beside the memberships; empty if not given
     */
    public List<Organization> organizations() {
        return organizations;
    }

    /**
     * Returns the body as received.
     *
     * @return the body as received
     */
    public JsonValue raw() {
        return raw;
    }

    @Override
    public String toString() {
        return "Me[id=" + id + ", memberships=" + memberships.size() + "]";
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        return o instanceof Me other
                && Objects.equals(id, other.id)
                && Objects.equals(email, other.email)
                && Objects.equals(firstName, other.firstName)
                && Objects.equals(lastName, other.lastName)
                && Objects.equals(avatarUrl, other.avatarUrl)
                && Objects.equals(timezone, other.timezone)
                && Objects.equals(localeCode, other.localeCode)
                && Objects.equals(emailVerifiedAt, other.emailVerifiedAt)
                && Objects.equals(memberships, other.memberships)
                && Objects.equals(organizations, other.organizations)
                && Objects.equals(raw, other.raw);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                id,
                email,
                firstName,
                lastName,
                avatarUrl,
                timezone,
                localeCode,
                emailVerifiedAt,
                memberships,
                organizations,
                raw);
    }

    /** Builds a {@link Me}; id is required. */
    public static final class Builder {

        private String id;
        private String email;
        private String firstName;
        private String lastName;
        private String avatarUrl;
        private String timezone;
        private String localeCode;
        private OffsetDateTime emailVerifiedAt;
        private List<Membership> memberships = List.of();
        private List<Organization> organizations = List.of();
        private JsonValue raw = JsonValue.JsonNull.INSTANCE;

        private Builder() {}

        private Builder(Me source) {
            this.id = source.id;
            this.email = source.email;
            this.firstName = source.firstName;
            this.lastName = source.lastName;
            this.avatarUrl = source.avatarUrl;
            this.timezone = source.timezone;
            this.localeCode = source.localeCode;
            this.emailVerifiedAt = source.emailVerifiedAt;
            this.memberships = source.memberships;
            this.organizations = source.organizations;
            this.raw = source.raw;
        }

        /**
         * Sets {@code id}.
         *
         * @param id the user id, not null
         * @return this builder
         */
        public Builder id(String id) {
            this.id = Objects.requireNonNull(id, "id");
            return this;
        }

        /**
         * Sets {@code email}.
         *
         * @param email the e-mail address
         * @return this builder
         */
        public Builder email(String email) {
            this.email = email;
            return this;
        }

        /**
         * Sets {@code firstName}.
         *
         * @param firstName the first name, {@code null} if not set
         * @return this builder
         */
        public Builder firstName(String firstName) {
            this.firstName = firstName;
            return this;
        }

        /**
         * Sets {@code lastName}.
         *
         * @param lastName the last name, {@code null} if not set
         * @return this builder
         */
        public Builder lastName(String lastName) {
            this.lastName = lastName;
            return this;
        }

        /**
         * Sets {@code avatarUrl}.
         *
         * @param avatarUrl the avatar, {@code null} if not set
         * @return this builder
         */
        public Builder avatarUrl(String avatarUrl) {
            this.avatarUrl = avatarUrl;
            return this;
        }

        /**
         * Sets {@code timezone}.
         *
         * @param timezone the time zone, {@code null} if not set
         * @return this builder
         */
        public Builder timezone(String timezone) {
            this.timezone = timezone;
            return this;
        }

        /**
         * Sets {@code localeCode}.
         *
         * @param localeCode the locale, {@code null} if not set
         * @return this builder
         */
        public Builder localeCode(String localeCode) {
            this.localeCode = localeCode;
            return this;
        }

        /**
         * Sets {@code emailVerifiedAt}.
         *
         * @param emailVerifiedAt when the e-mail address was verified, {@code null} if not yet
         * @return this builder
         */
        public Builder emailVerifiedAt(OffsetDateTime emailVerifiedAt) {
            this.emailVerifiedAt = emailVerifiedAt;
            return this;
        }

        /**
         * Sets {@code memberships}.
         *
         * @param memberships the user's organizations with their roles; empty if not given; {@code null} for none
         * @return this builder
         */
        public Builder memberships(List<Membership> memberships) {
            this.memberships = memberships == null ? List.of() : List.copyOf(memberships);
            return this;
        }

        /**
         * Sets {@code organizations}.
         *
         * @param organizations the organizations embedded beside the memberships; empty if not given; {@code null} for none
         * @return this builder
         */
        public Builder organizations(List<Organization> organizations) {
            this.organizations = organizations == null ? List.of() : List.copyOf(organizations);
            return this;
        }

        /**
         * Sets {@code raw}.
         *
         * @param raw the body as received; {@code null} stands for JSON {@code null}
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
        public Me build() {
            if (id == null) {
                throw new IllegalStateException("id is required");
            }
            return new Me(this);
        }
    }
}
