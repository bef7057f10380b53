package io.runflow.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * The user behind the API key ({@code GET /v1/auth/me?embed=memberships,organizations}).
 *
 * @param id the user id
 * @param email the e-mail address
 * @param firstName the first name, {@code null} if not set
 * @param lastName the last name, {@code null} if not set
 * @param avatarUrl the avatar, {@code null} if not set
 * @param timezone the time zone, {@code null} if not set
 * @param localeCode the locale, {@code null} if not set
 * @param emailVerifiedAt when the e-mail address was verified, {@code null} if not yet
 * @param memberships the user's organizations with their roles; empty if not given
 * @param organizations the organizations embedded beside the memberships; empty if not given
 * @param raw the body as received
 */
public record Me(
        String id,
        String email,
        String firstName,
        String lastName,
        String avatarUrl,
        String timezone,
        String localeCode,
        OffsetDateTime emailVerifiedAt,
        List<Membership> memberships,
        List<Organization> organizations,
        JsonNode raw) {

    /** Checks the id and copies the lists. */
    public Me {
        Objects.requireNonNull(id, "id");
        memberships = memberships == null ? List.of() : List.copyOf(memberships);
        organizations = organizations == null ? List.of() : List.copyOf(organizations);
        raw = raw == null ? MissingNode.getInstance() : raw;
    }

    /** Returns {@code raw} as a copy. */
    @Override
    public JsonNode raw() {
        return raw.deepCopy();
    }

    @Override
    public String toString() {
        return "Me[id=" + id + ", memberships=" + memberships.size() + "]";
    }
}
