package io.runflow;

import io.runflow.model.Balance;
import io.runflow.model.Me;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * The account behind the API key: who it is, and the organization's credit. Obtained from {@link
 * RunflowClient#account()}.
 *
 * <pre>{@code
 * Balance balance = runflow.account().balance();
 * if (balance.balance().compareTo(new BigDecimal("6.00")) < 0) { ... } // 100 images at $0.06
 * }</pre>
 */
public final class Account {

    private final RunflowApi api;

    Account(RunflowApi api) {
        this.api = api;
    }

    /**
     * Returns this service's requests with the HTTP status and headers of each answer.
     *
     * <pre>{@code
     * RawResponse<Balance> balance = runflow.account().withRawResponse().balance();
     * }</pre>
     *
     * @return the raw view
     */
    public RawAccount withRawResponse() {
        return new RawAccount(this, api);
    }

    /**
     * Reads the user behind the API key with their memberships and organizations ({@code GET
     * /v1/auth/me?embed=memberships,organizations}); also a check that the key works.
     *
     * @return the user
     */
    public Me me() {
        return api.me();
    }

    /**
     * Reads the organization's credit balance ({@code GET /v1/billing/balance}).
     *
     * @return the balance, in exact decimal dollars
     */
    public Balance balance() {
        return api.getBalance();
    }

    /**
     * Sets the balance below which Runflow notifies the organization ({@code PATCH
     * /v1/billing/balance}).
     *
     * @param threshold the threshold in dollars, zero or more, for example {@code new BigDecimal("5.00")}
     * @return the updated balance
     */
    public Balance updateLowBalanceThreshold(BigDecimal threshold) {
        Objects.requireNonNull(threshold, "threshold");
        if (threshold.signum() < 0) {
            throw new IllegalArgumentException("threshold must not be negative, got " + threshold.toPlainString());
        }
        return api.updateLowBalanceThreshold(threshold);
    }
}
