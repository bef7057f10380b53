package io.runflow.testkit.internal.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runflow.testkit.internal.http.ErrorResponseException;
import io.runflow.testkit.internal.http.Json;
import io.runflow.testkit.internal.http.Request;
import io.runflow.testkit.internal.http.Response;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * The account endpoints (contract section 3.15): {@code GET /v1/auth/me} with its {@code embed}s, and
 * the organization's credit balance, which every succeeded run debits by the model's price, with the
 * threshold-only {@code PATCH}. Amounts are decimal strings, as the OpenAPI has them.
 */
final class AccountApi {

    /**
     * The balance the fake starts with: Runflow's new accounts get $10, but the fake refuses creates
     * it cannot pay for, and a test suite should not run dry after 166 FLUX Ultra runs between resets.
     */
    static final BigDecimal STARTING_BALANCE = new BigDecimal("100.00");

    private static final String USER_ID = "00000000-0000-4000-8000-000000000001";
    private static final String BALANCE_ID = "00000000-0000-4000-8000-000000000002";

    private final ServerClock clock;
    private final String orgId;
    private BigDecimal startingBalance = STARTING_BALANCE;
    private BigDecimal balance = STARTING_BALANCE;
    private BigDecimal threshold;
    private Instant notifiedAt;
    private Instant createdAt;
    private Instant updatedAt;

    AccountApi(ServerClock clock, String orgId) {
        this.clock = clock;
        this.orgId = orgId;
        this.createdAt = clock.instant();
        this.updatedAt = createdAt;
    }

    /** {@code GET /v1/auth/me}: memberships, organizations and pending invitations only when embedded. */
    Response me(Request request) {
        Set<String> embed = Set.of(request.query().getOrDefault("embed", "").split(","));
        ObjectNode n = Json.object();
        n.put("id", USER_ID);
        n.put("email", "developer@example.com");
        n.put("first_name", "Dev");
        n.put("last_name", "Eloper");
        n.putNull("avatar_url");
        n.put("timezone", "UTC");
        n.put("locale_code", "en");
        n.set("email_verified_at", Json.time(createdAt));
        if (embed.contains("memberships")) {
            ObjectNode m = n.putArray("memberships").addObject();
            organization(m.putObject("org"));
            m.put("role_code", "owner");
            m.putArray("scopes").add("runs:write").add("runs:read").add("billing:read");
        }
        if (embed.contains("organizations")) {
            organization(n.putArray("organizations").addObject());
        }
        if (embed.contains("pending_invitations")) {
            n.putArray("pending_invitations");
        }
        return Response.json(200, n);
    }

    private void organization(ObjectNode org) {
        org.put("id", orgId).put("name", "Fake Org").put("slug", "fake-org").put("plan_code", "pay_as_you_go");
    }

    /** {@code GET /v1/billing/balance}. */
    synchronized Response balance(Request request) {
        return Response.json(200, json());
    }

    /**
     * {@code PATCH /v1/billing/balance}: {@code low_balance_threshold} (a non-negative decimal, string
     * or number) and an optional {@code updated_at} that must equal the current one (a stale one is
     * 409, optimistic concurrency); no other field may change.
     */
    synchronized Response patch(Request request) {
        JsonNode body = Json.parse(request.body());
        if (!body.isObject()) {
            throw ErrorResponseException.badRequest("request body must be a JSON object");
        }
        body.fieldNames().forEachRemaining(name -> {
            if (!name.equals("low_balance_threshold") && !name.equals("updated_at")) {
                throw ErrorResponseException.validation(name, "only low_balance_threshold may be changed");
            }
        });
        JsonNode value = body.get("low_balance_threshold");
        BigDecimal parsed;
        if (value == null || value.isNull()) {
            throw ErrorResponseException.validation("low_balance_threshold", "is required");
        }
        try {
            parsed = value.isNumber()
                    ? value.decimalValue()
                    : new BigDecimal(value.asText().strip());
        } catch (NumberFormatException e) {
            throw ErrorResponseException.validation("low_balance_threshold", "must be a decimal number");
        }
        if (!value.isNumber() && !value.isTextual() || parsed.signum() < 0) {
            throw ErrorResponseException.validation("low_balance_threshold", "must be a decimal number, zero or more");
        }
        JsonNode stamp = body.get("updated_at");
        if (stamp != null && !stamp.isNull()) {
            Instant given;
            try {
                given = OffsetDateTime.parse(stamp.asText()).toInstant();
            } catch (DateTimeParseException e) {
                throw ErrorResponseException.validation("updated_at", "must be an ISO 8601 date-time");
            }
            if (!given.equals(updatedAt)) {
                throw new ErrorResponseException(
                        409, "CONFLICT", "the balance changed since updated_at; read it again", null);
            }
        }
        threshold = parsed;
        updatedAt = clock.instant();
        return Response.json(200, json());
    }

    /**
     * Refuses work the balance cannot pay for, as Runflow does: 402 {@code INSUFFICIENT_CREDIT}.
     * Only succeeded runs are billed, so runs already in flight may take the balance below zero.
     *
     * @param cost the price of what is about to be created
     */
    synchronized void requireCredit(BigDecimal cost) {
        if (balance.compareTo(cost) < 0) {
            throw new ErrorResponseException(
                    402,
                    "INSUFFICIENT_CREDIT",
                    "Insufficient credit: the balance is $" + balance.toPlainString() + " and this costs $"
                            + cost.toPlainString(),
                    null);
        }
    }

    /** Sets the balance, for tests of what a low balance does. */
    synchronized void setBalance(BigDecimal amount) {
        balance = amount;
        updatedAt = clock.instant();
    }

    /** A succeeded run's price comes off the balance; failed runs are not billed. */
    synchronized void debit(BigDecimal amount) {
        balance = balance.subtract(amount);
        updatedAt = clock.instant();
        if (threshold != null && balance.compareTo(threshold) < 0 && notifiedAt == null) {
            notifiedAt = updatedAt;
        }
    }

    private ObjectNode json() {
        ObjectNode n = Json.object();
        n.put("id", BALANCE_ID);
        n.put("org_id", orgId);
        n.put("balance", balance.toPlainString());
        Json.putNullable(n, "low_balance_threshold", threshold == null ? null : threshold.toPlainString());
        n.set("low_balance_notified_at", Json.time(notifiedAt));
        n.set("created_at", Json.time(createdAt));
        n.set("updated_at", Json.time(updatedAt));
        return n;
    }

    /** Sets the balance the account starts with, now and after every reset. */
    synchronized void setStartingBalance(BigDecimal amount) {
        startingBalance = amount;
        balance = amount;
    }

    synchronized void reset() {
        balance = startingBalance;
        threshold = null;
        notifiedAt = null;
        createdAt = clock.instant();
        updatedAt = createdAt;
    }
}
