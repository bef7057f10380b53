package io.runflow.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeTest {

    @Test
    void requiresAnId() {
        assertThatThrownBy(() -> new Me(null, null, null, null, null, null, null, null, null, null, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("id");
    }

    @Test
    void absentListsAreEmptyAndAbsentRawMissing() {
        Me me = new Me("usr_1", null, null, null, null, null, null, null, null, null, null);
        assertThat(me.memberships()).isEmpty();
        assertThat(me.organizations()).isEmpty();
        assertThat(me.raw().isMissingNode()).isTrue();
    }

    @Test
    void copiesTheListsAndTheRaw() {
        Membership membership = new Membership(new Organization("org_1", "Acme", "acme", "pro"), "owner", null);
        Organization organization = new Organization("org_1", "Acme", "acme", "pro");
        List<Membership> memberships = new ArrayList<>(List.of(membership));
        List<Organization> organizations = new ArrayList<>(List.of(organization));
        ObjectNode raw = JsonNodeFactory.instance.objectNode().put("id", "usr_1");
        Me me = new Me("usr_1", "a@b.c", null, null, null, null, null, null, memberships, organizations, raw);

        memberships.clear();
        organizations.clear();
        ((ObjectNode) me.raw()).put("id", "changed");

        assertThat(me.memberships()).containsExactly(membership);
        assertThat(me.organizations()).containsExactly(organization);
        assertThat(me.raw()).isEqualTo(JsonNodeFactory.instance.objectNode().put("id", "usr_1"));
    }

    @Test
    void aMembershipNeedsItsOrganizationAndCopiesItsScopes() {
        assertThatThrownBy(() -> new Membership(null, "owner", null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("organization");
        Organization organization = new Organization("org_1", "Acme", "acme", "pro");
        assertThat(new Membership(organization, "owner", null).scopes()).isEmpty();
        List<String> scopes = new ArrayList<>(List.of("runs:write"));
        Membership membership = new Membership(organization, "owner", scopes);
        scopes.clear();
        assertThat(membership.scopes()).containsExactly("runs:write");
        assertThatThrownBy(() -> new Organization(null, null, null, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("id");
    }

    @Test
    void toStringShowsNoEmail() {
        Me me = new Me(
                "usr_1",
                "a@b.c",
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(new Membership(new Organization("org_1", "Acme", "acme", "pro"), "owner", null)),
                null,
                null);
        assertThat(me.toString()).isEqualTo("Me[id=usr_1, memberships=1]");
    }
}
