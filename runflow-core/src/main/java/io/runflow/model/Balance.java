package io.runflow.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * The organization's credit balance ({@code GET} and {@code PATCH /v1/billing/balance}). Amounts are
 * exact decimals in US dollars, read from the API's decimal strings; the older {@code
 * {balance_cents, currency}} shape is read too (cents divided by 100).
 *
 * @param id the balance record's id, {@code null} in the older shape
 * @param orgId the organization
 * @param balance the credit left
 * @param lowBalanceThreshold below this balance Runflow notifies the organization, {@code null} if
 *     none is set
 * @param lowBalanceNotifiedAt when it last notified, {@code null} if never
 * @param createdAt when the record was created
 * @param updatedAt when it last changed
 * @param raw the body as received
 */
public record Balance(
        String id,
        String orgId,
        BigDecimal balance,
        BigDecimal lowBalanceThreshold,
        OffsetDateTime lowBalanceNotifiedAt,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        JsonNode raw) {

    /** Checks the balance and normalises an absent raw node. */
    public Balance {
        Objects.requireNonNull(balance, "balance");
        raw = raw == null ? MissingNode.getInstance() : raw;
    }

    /** Returns {@code raw} as a copy. */
    @Override
    public JsonNode raw() {
        return raw.deepCopy();
    }

    /**
     * Tells whether the balance is below the low-balance threshold.
     *
     * @return false when no threshold is set
     */
    public boolean isLow() {
        return lowBalanceThreshold != null && balance.compareTo(lowBalanceThreshold) < 0;
    }
}
