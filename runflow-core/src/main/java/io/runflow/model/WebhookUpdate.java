package io.runflow.model;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * A change to an organization webhook ({@code PATCH /v1/webhooks/{id}}): a new URL, enabling or
 * disabling it, or both. Only what is set is sent.
 *
 * <pre>{@code
 * runflow.webhooks().update(id, WebhookUpdate.disable());
 * runflow.webhooks().update(id, WebhookUpdate.builder().url("https://example.com/hooks").disabled(false).build());
 * }</pre>
 */
public final class WebhookUpdate {

    private final String url;
    private final Boolean disabled;

    private WebhookUpdate(Builder builder) {
        this.url = builder.url;
        this.disabled = builder.disabled;
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
     * Returns an update that moves the webhook to a new URL.
     *
     * @param url an {@code http} or {@code https} URL
     * @return the update
     */
    public static WebhookUpdate url(String url) {
        return builder().url(url).build();
    }

    /**
     * Returns an update that disables the webhook: Runflow stops delivering to it.
     *
     * @return the update
     */
    public static WebhookUpdate disable() {
        return builder().disabled(true).build();
    }

    /**
     * Returns an update that enables a disabled webhook again.
     *
     * @return the update
     */
    public static WebhookUpdate enable() {
        return builder().disabled(false).build();
    }

    /**
     * Returns the new URL.
     *
     * @return the URL, or {@code null} to keep the current one
     */
    public String newUrl() {
        return url;
    }

    /**
     * Returns whether the webhook is to be disabled.
     *
     * @return {@code true} to disable, {@code false} to enable, {@code null} to leave as it is
     */
    public Boolean disabled() {
        return disabled;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WebhookUpdate other
                && Objects.equals(url, other.url)
                && Objects.equals(disabled, other.disabled);
    }

    @Override
    public int hashCode() {
        return Objects.hash(url, disabled);
    }

    @Override
    public String toString() {
        return "WebhookUpdate[url=" + url + ", disabled=" + disabled + "]";
    }

    /** Builds a {@link WebhookUpdate}; at least one of url and disabled is required. */
    public static final class Builder {
        private String url;
        private Boolean disabled;

        private Builder() {}

        /**
         * Sets the new URL.
         *
         * @param url an absolute {@code http} or {@code https} URL
         * @return this builder
         * @throws IllegalArgumentException if it is not one
         */
        public Builder url(String url) {
            Objects.requireNonNull(url, "url");
            URI uri;
            try {
                uri = URI.create(url);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("url must be an absolute http or https URL");
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new IllegalArgumentException("url must be an absolute http or https URL");
            }
            this.url = url;
            return this;
        }

        /**
         * Sets whether the webhook is disabled.
         *
         * @param disabled {@code true} to disable, {@code false} to enable
         * @return this builder
         */
        public Builder disabled(boolean disabled) {
            this.disabled = disabled;
            return this;
        }

        /**
         * Builds the update.
         *
         * @return the update
         * @throws IllegalStateException if neither a URL nor the disabled flag is set
         */
        public WebhookUpdate build() {
            if (url == null && disabled == null) {
                throw new IllegalStateException("set url or disabled: an empty update changes nothing");
            }
            return new WebhookUpdate(this);
        }
    }
}
