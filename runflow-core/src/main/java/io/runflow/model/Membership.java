package io.runflow.model;

import java.util.List;
import java.util.Objects;

/**
 * The user's place in one organization.
 *
 * @param organization the organization
 * @param roleCode the role, for example {@code owner}
 * @param scopes the permissions the role grants; empty if not given
 */
public record Membership(Organization organization, String roleCode, List<String> scopes) {

    /** Checks the organization and copies the scopes. */
    public Membership {
        Objects.requireNonNull(organization, "organization");
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }
}
