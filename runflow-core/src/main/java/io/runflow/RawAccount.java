package io.runflow;

import io.runflow.model.Balance;
import io.runflow.model.Me;
import java.math.BigDecimal;

/**
 * The account with the HTTP status and headers of each answer: {@link Account} seen through {@link
 * Account#withRawResponse()}. Each method makes the same request, with the same checks and
 * idempotency key, as the method of the same name there.
 *
 * <pre>{@code
 * RawResponse<Balance> balance = runflow.account().withRawResponse().balance();
 * }</pre>
 */
public final class RawAccount {

    private final Account account;
    private final RunflowApi api;

    RawAccount(Account account, RunflowApi api) {
        this.account = account;
        this.api = api;
    }

    /**
     * Reads the user behind the key, as {@link Account#me()}.
     *
     * @return the answer
     */
    public RawResponse<Me> me() {
        return api.exchange(() -> account.me());
    }

    /**
     * Reads the credit balance, as {@link Account#balance()}.
     *
     * @return the answer
     */
    public RawResponse<Balance> balance() {
        return api.exchange(() -> account.balance());
    }

    /**
     * Sets the low-balance threshold, as {@link Account#updateLowBalanceThreshold(BigDecimal)}.
     *
     * @param threshold the threshold in dollars, zero or more
     * @return the answer
     */
    public RawResponse<Balance> updateLowBalanceThreshold(BigDecimal threshold) {
        return api.exchange(() -> account.updateLowBalanceThreshold(threshold));
    }
}
