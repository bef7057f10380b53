package io.runflow.model;

import java.util.Objects;

/**
 * An organization as {@code GET /v1/auth/me} shows it.
 *
 * @param id the organization id
 * @param name its name
 * @param slug its slug
 * @param planCode its plan, for example {@code free}
 */
public record Organization(String id, String name, String slug, String planCode) {

    /** Checks the id. */
    public Organization {
        Objects.requireNonNull(id, "id");
    }
}
