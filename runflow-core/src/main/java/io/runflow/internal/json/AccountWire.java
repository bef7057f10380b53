package io.runflow.internal.json;

import static io.runflow.internal.json.JsonFields.bool;
import static io.runflow.internal.json.JsonFields.decimal;
import static io.runflow.internal.json.JsonFields.hasText;
import static io.runflow.internal.json.JsonFields.requireObject;
import static io.runflow.internal.json.JsonFields.requireText;
import static io.runflow.internal.json.JsonFields.text;
import static io.runflow.internal.json.JsonFields.timestamp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runflow.model.Balance;
import io.runflow.model.Health;
import io.runflow.model.JsonValue;
import io.runflow.model.Me;
import io.runflow.model.Membership;
import io.runflow.model.Organization;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes the account: the user, the balance and its threshold body, the health answer.
 * Not public API.
 */
public final class AccountWire {

    private AccountWire() {}

    /**
     * Reads {@code GET /v1/auth/me}.
     *
     * @param node a JSON object with at least {@code id}
     * @return the user
     */
    public static Me me(JsonNode node) {
        requireObject(node, "user");
        List<Membership> memberships = new ArrayList<>();
        for (JsonNode m : node.path("memberships")) {
            JsonNode org = m.path("org").isObject() ? m.path("org") : m.path("organization");
            Organization organization = org.isObject() && text(org, "id") != null
                    ? organization(org)
                    : text(m, "org_id") != null ? new Organization(text(m, "org_id"), null, null, null) : null;
            if (organization != null) {
                memberships.add(new Membership(organization, text(m, "role_code"), strings(m.path("scopes"))));
            }
        }
        List<Organization> organizations = new ArrayList<>();
        for (JsonNode org : node.path("organizations")) {
            if (hasText(org, "id")) {
                organizations.add(organization(org));
            }
        }
        JsonValue json = JsonValues.of(node);
        return Me.builder()
                .id(requireText(node, "id", "user"))
                .email(text(node, "email"))
                .firstName(text(node, "first_name"))
                .lastName(text(node, "last_name"))
                .avatarUrl(text(node, "avatar_url"))
                .timezone(text(node, "timezone"))
                .localeCode(text(node, "locale_code"))
                .emailVerifiedAt(timestamp(node, "email_verified_at"))
                .memberships(memberships)
                .organizations(organizations)
                .raw(json)
                .build();
    }

    private static Organization organization(JsonNode org) {
        return new Organization(text(org, "id"), text(org, "name"), text(org, "slug"), text(org, "plan_code"));
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        for (JsonNode value : array) {
            if (value.isTextual()) {
                values.add(value.asText());
            }
        }
        return values;
    }

    /**
     * Reads the credit balance: the OpenAPI's {@code {balance, low_balance_threshold, ...}} with
     * decimal strings, or the pricing page's {@code {balance_cents, currency}}.
     *
     * @param node the body
     * @return the balance
     */
    public static Balance balance(JsonNode node) {
        requireObject(node, "balance");
        BigDecimal balance = decimal(node, "balance");
        if (balance == null) {
            BigDecimal cents = decimal(node, "balance_cents");
            if (cents == null) {
                throw new IllegalArgumentException("balance has neither \"balance\" nor \"balance_cents\"");
            }
            balance = cents.movePointLeft(2);
        }
        JsonValue json = JsonValues.of(node);
        return Balance.builder()
                .id(text(node, "id"))
                .orgId(text(node, "org_id"))
                .balance(balance)
                .lowBalanceThreshold(decimal(node, "low_balance_threshold"))
                .lowBalanceNotifiedAt(timestamp(node, "low_balance_notified_at"))
                .createdAt(timestamp(node, "created_at"))
                .updatedAt(timestamp(node, "updated_at"))
                .raw(json)
                .build();
    }

    /**
     * Reads the health body: {@code {"ok": true}} (the JS SDK's reading) or {@code {"status": "ok",
     * ...}} (newer pages). {@code ok} decides when present; else a {@code status} of {@code ok}, {@code
     * healthy}, {@code up} or {@code pass} (any case) is live and any other status is not. A body with
     * neither counts as live: the endpoint answered 2xx.
     *
     * @param node the body
     * @return the health
     */
    public static Health health(JsonNode node) {
        Boolean ok = node == null || !node.isObject() ? null : bool(node, "ok");
        if (ok == null && node != null && node.isObject()) {
            String status = text(node, "status");
            if (status != null) {
                ok = LIVE_STATUSES.contains(status.strip().toLowerCase(java.util.Locale.ROOT));
            }
        }
        return new Health(ok == null || ok, JsonValues.of(node));
    }

    private static final java.util.Set<String> LIVE_STATUSES = java.util.Set.of("ok", "healthy", "up", "pass");

    /**
     * Writes the body of {@code PATCH /v1/billing/balance}. The threshold goes as a decimal string,
     * the form the API uses for money, so no digit is lost to a binary float.
     *
     * @param threshold the new low-balance threshold
     * @return {@code {low_balance_threshold}}
     */
    public static ObjectNode balanceThresholdBody(BigDecimal threshold) {
        return RunflowJson.mapper().createObjectNode().put("low_balance_threshold", threshold.toPlainString());
    }
}
