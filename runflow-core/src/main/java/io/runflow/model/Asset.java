package io.runflow.model;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A stored file of the organization ({@code POST /v1/asset-uploads/{id}/confirmations}, {@code GET
 * /v1/assets/{id}}). Pass it to a model input with {@link #ref()}; its {@link #url()} is signed and
 * short-lived, so read the asset again for a fresh one.
 */
public final class Asset {

    private final String id;
    private final String orgId;
    private final String folderId;
    private final String name;
    private final String url;
    private final String thumbnailUrl;
    private final String mimeType;
    private final Long sizeBytes;
    private final String assetType;
    private final String requestId;
    private final OffsetDateTime createdAt;
    private final JsonValue raw;

    private Asset(Builder builder) {
        this.id = builder.id;
        this.orgId = builder.orgId;
        this.folderId = builder.folderId;
        this.name = builder.name;
        this.url = builder.url;
        this.thumbnailUrl = builder.thumbnailUrl;
        this.mimeType = builder.mimeType;
        this.sizeBytes = builder.sizeBytes;
        this.assetType = builder.assetType;
        this.requestId = builder.requestId;
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
     * Returns the asset id.
     *
     * @return the asset id
     */
    public String id() {
        return id;
    }

    /**
     * Returns the organization it belongs to.
     *
     * @return the organization it belongs to
     */
    public String orgId() {
        return orgId;
    }

    /**
     * Returns the folder it is filed in, {@code null} for none.
     *
     * @return the folder it is filed in, {@code null} for none
     */
    public String folderId() {
        return folderId;
    }

    /**
     * Returns the file name.
     *
     * @return the file name
     */
    public String name() {
        return name;
    }

    /**
     * Returns a signed download URL with a short TTL.
     *
     * @return a signed download URL with a short TTL
     */
    public String url() {
        return url;
    }

    /**
     * Returns a signed thumbnail URL, {@code null} if none.
     *
     * @return a signed thumbnail URL, {@code null} if none
     */
    public String thumbnailUrl() {
        return thumbnailUrl;
    }

    /**
     * Returns the MIME type the server read from the stored object.
     *
     * @return the MIME type the server read from the stored object
     */
    public String mimeType() {
        return mimeType;
    }

    /**
     * Returns the size the server read from the stored object, {@code null} if not given.
     *
     * @return the size the server read from the stored object, {@code null} if not given
     */
    public Long sizeBytes() {
        return sizeBytes;
    }

    /**
     * Returns for example {@code image}.
     *
     * @return for example {@code image}
     */
    public String assetType() {
        return assetType;
    }

    /**
     * Returns the body's {@code request_id}, else the {@code Runflow-Request-Id} header of the answer, else {@code null}.
     *
     * @return the body's {@code request_id}, else the {@code Runflow-Request-Id} header of the answer, else {@code null}
     */
    public String requestId() {
        return requestId;
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
     * Returns the asset as received.
     *
     * @return the asset as received
     */
    public JsonValue raw() {
        return raw;
    }

    /** The scheme of asset references in model inputs. */
    public static final String REF_PREFIX = "runflow://assets/";

    /**
     * Returns the stable reference to pass in model inputs; the server resolves it to a fresh signed
     * URL when it reads the run.
     *
     * @return {@code runflow://assets/{id}}
     */
    public String ref() {
        return REF_PREFIX + id;
    }

    @Override
    public String toString() {
        return "Asset[id=" + id + ", name=" + name + ", mimeType=" + mimeType + ", sizeBytes=" + sizeBytes + "]";
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        return o instanceof Asset other
                && Objects.equals(id, other.id)
                && Objects.equals(orgId, other.orgId)
                && Objects.equals(folderId, other.folderId)
                && Objects.equals(name, other.name)
                && Objects.equals(url, other.url)
                && Objects.equals(thumbnailUrl, other.thumbnailUrl)
                && Objects.equals(mimeType, other.mimeType)
                && Objects.equals(sizeBytes, other.sizeBytes)
                && Objects.equals(assetType, other.assetType)
                && Objects.equals(requestId, other.requestId)
                && Objects.equals(createdAt, other.createdAt)
                && Objects.equals(raw, other.raw);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                id,
                orgId,
                folderId,
                name,
                url,
                thumbnailUrl,
                mimeType,
                sizeBytes,
                assetType,
                requestId,
                createdAt,
                raw);
    }

    /** Builds a {@link Asset}; id is required. */
    public static final class Builder {

        private String id;
        private String orgId;
        private String folderId;
        private String name;
        private String url;
        private String thumbnailUrl;
        private String mimeType;
        private Long sizeBytes;
        private String assetType;
        private String requestId;
        private OffsetDateTime createdAt;
        private JsonValue raw = JsonValue.JsonNull.INSTANCE;

        private Builder() {}

        private Builder(Asset source) {
            this.id = source.id;
            this.orgId = source.orgId;
            this.folderId = source.folderId;
            this.name = source.name;
            this.url = source.url;
            this.thumbnailUrl = source.thumbnailUrl;
            this.mimeType = source.mimeType;
            this.sizeBytes = source.sizeBytes;
            this.assetType = source.assetType;
            this.requestId = source.requestId;
            this.createdAt = source.createdAt;
            this.raw = source.raw;
        }

        /**
         * Sets {@code id}.
         *
         * @param id the asset id, not null
         * @return this builder
         */
        public Builder id(String id) {
            this.id = Objects.requireNonNull(id, "id");
            return this;
        }

        /**
         * Sets {@code orgId}.
         *
         * @param orgId the organization it belongs to
         * @return this builder
         */
        public Builder orgId(String orgId) {
            this.orgId = orgId;
            return this;
        }

        /**
         * Sets {@code folderId}.
         *
         * @param folderId the folder it is filed in, {@code null} for none
         * @return this builder
         */
        public Builder folderId(String folderId) {
            this.folderId = folderId;
            return this;
        }

        /**
         * Sets {@code name}.
         *
         * @param name the file name
         * @return this builder
         */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /**
         * Sets {@code url}.
         *
         * @param url a signed download URL with a short TTL
         * @return this builder
         */
        public Builder url(String url) {
            this.url = url;
            return this;
        }

        /**
         * Sets {@code thumbnailUrl}.
         *
         * @param thumbnailUrl a signed thumbnail URL, {@code null} if none
         * @return this builder
         */
        public Builder thumbnailUrl(String thumbnailUrl) {
            this.thumbnailUrl = thumbnailUrl;
            return this;
        }

        /**
         * Sets {@code mimeType}.
         *
         * @param mimeType the MIME type the server read from the stored object
         * @return this builder
         */
        public Builder mimeType(String mimeType) {
            this.mimeType = mimeType;
            return this;
        }

        /**
         * Sets {@code sizeBytes}.
         *
         * @param sizeBytes the size the server read from the stored object, {@code null} if not given
         * @return this builder
         */
        public Builder sizeBytes(Long sizeBytes) {
            this.sizeBytes = sizeBytes;
            return this;
        }

        /**
         * Sets {@code assetType}.
         *
         * @param assetType for example {@code image}
         * @return this builder
         */
        public Builder assetType(String assetType) {
            this.assetType = assetType;
            return this;
        }

        /**
         * Sets {@code requestId}.
         *
         * @param requestId the body's {@code request_id}, else the {@code Runflow-Request-Id} header of the answer, else {@code null}
         * @return this builder
         */
        public Builder requestId(String requestId) {
            this.requestId = requestId;
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
         * @param raw the asset as received; {@code null} stands for JSON {@code null}
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
        public Asset build() {
            if (id == null) {
                throw new IllegalStateException("id is required");
            }
            return new Asset(this);
        }
    }
}
