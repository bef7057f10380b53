package io.runflow.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MeTest {

    @Test
    void requiresAnId() {
        assertThatThrownBy(() -> Me.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("id is required");
    }

    @Test
    void absentListsAreEmptyAndAbsentRawMissing() {
        Me me = Me.builder().id("usr_1").build();
        assertThat(me.memberships()).isEmpty();
        assertThat(me.organizations()).isEmpty();
        assertThat(me.raw().isNull()).isTrue();
    }

    @Test
    void copiesTheListsAndTheRaw() {
        Membership membership = new Membership(new Organization("org_1", "Acme", "acme", "pro"), "owner", null);
        Organization organization = new Organization("org_1", "Acme", "acme", "pro");
        List<Membership> memberships = new ArrayList<>(List.of(membership));
        List<Organization> organizations = new ArrayList<>(List.of(organization));
        JsonValue raw = JsonValue.object(Map.of("id", "usr_1"));
        Me me = Me.builder()
                .id("usr_1")
                .email("a@b.c")
                .memberships(memberships)
                .organizations(organizations)
                .raw(raw)
                .build();

        memberships.clear();
        organizations.clear();

        assertThat(me.memberships()).containsExactly(membership);
        assertThat(me.organizations()).containsExactly(organization);
        assertThat(me.raw()).isEqualTo(JsonValue.object(Map.of("id", "usr_1")));
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
        Me me = Me.builder()
                .id("usr_1")
                .email("a@b.c")
                .memberships(List.of(new Membership(new Organization("org_1", "Acme", "acme", "pro"), "owner", null)))
                .build();
        assertThat(me.toString()).isEqualTo("Me[id=usr_1, memberships=1]");
    }
}
