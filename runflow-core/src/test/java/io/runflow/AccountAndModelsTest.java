package io.runflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runflow.model.Balance;
import io.runflow.model.CallbackSecret;
import io.runflow.model.CallbackSecretUpdate;
import io.runflow.model.ListQuery;
import io.runflow.model.Me;
import io.runflow.model.Model;
import io.runflow.model.Page;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The small facades (account, models, callback secrets): what they check, and what they ask. */
class AccountAndModelsTest {

    private final List<String> calls = new ArrayList<>();

    private final RunflowApi api = new DelegatingApi(new InMemoryRunflowApi()) {
        @Override
        public Me me() {
            calls.add("me");
            return Me.builder().id("usr_1").build();
        }

        @Override
        public Balance getBalance() {
            calls.add("balance");
            return Balance.builder().id("bal_1").balance(BigDecimal.TEN).build();
        }

        @Override
        public Balance updateLowBalanceThreshold(BigDecimal threshold) {
            calls.add("threshold " + threshold.toPlainString());
            return Balance.builder()
                    .id("bal_1")
                    .balance(BigDecimal.TEN)
                    .lowBalanceThreshold(threshold)
                    .build();
        }

        @Override
        public Page<Model> listModels(ListQuery query) {
            calls.add("models " + query.q());
            return new Page<>(List.of(model("m-private")), null, null, null);
        }

        @Override
        public Page<Model> listPublicModels(ListQuery query) {
            calls.add("public " + query.q());
            return new Page<>(List.of(model("m-public")), null, null, null);
        }

        @Override
        public CallbackSecret createCallbackSecret(String label, String idempotencyKey) {
            calls.add("create " + label);
            return secret();
        }

        @Override
        public CallbackSecret getCallbackSecret(String secretId) {
            calls.add("get " + secretId);
            return secret();
        }

        @Override
        public CallbackSecret updateCallbackSecret(String secretId, CallbackSecretUpdate update) {
            calls.add("update " + secretId + " " + update);
            return secret();
        }
    };

    private final RunflowClient runflow = RunflowClient.builder()
            .apiKey("rf_test_key")
            .transport(options -> api)
            .build();

    @AfterEach
    void close() {
        runflow.close();
    }

    private static Model model(String id) {
        return Model.builder().id(id).slug(id).build();
    }

    private static final CallbackSecret SECRET =
            CallbackSecret.builder().id("cs_1").current(true).build();

    private static CallbackSecret secret() {
        return SECRET;
    }

    @Test
    void accountReadsMeAndTheBalance() {
        assertThat(runflow.account().me().id()).isEqualTo("usr_1");
        assertThat(runflow.account().balance().balance()).isEqualTo(BigDecimal.TEN);
        assertThat(calls).containsExactly("me", "balance");
    }

    @Test
    void theLowBalanceThresholdMayBeZeroButNotNegative() {
        assertThat(runflow.account().updateLowBalanceThreshold(BigDecimal.ZERO).lowBalanceThreshold())
                .isEqualTo(BigDecimal.ZERO);
        assertThatThrownBy(() -> runflow.account().updateLowBalanceThreshold(new BigDecimal("-0.01")))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("threshold must not be negative, got -0.01");
        assertThatThrownBy(() -> runflow.account().updateLowBalanceThreshold(null))
                .isExactlyInstanceOf(NullPointerException.class)
                .hasMessage("threshold");
        assertThat(calls).containsExactly("threshold 0");
    }

    @Test
    void modelsListsPrivateAndPublicModelsWithTheQuery() {
        ListQuery query = ListQuery.builder().filter("slug:x").build();
        assertThat(runflow.models().list(query).stream().map(Model::id)).containsExactly("m-private");
        assertThat(runflow.models().listPublic(query).stream().map(Model::id)).containsExactly("m-public");
        assertThat(calls).containsExactly("models slug:x", "public slug:x");
    }

    @Test
    void modelsGetChecksTheModelId() {
        assertThat(runflow.models().get("owner/slug").slug()).isEqualTo("owner/slug");
        assertThatThrownBy(() -> runflow.models().get("owner//slug")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> runflow.models().list(null)).hasMessage("query");
        assertThatThrownBy(() -> runflow.models().listPublic(null)).hasMessage("query");
    }

    @Test
    void callbackSecretsPassTheirArguments() {
        assertThat(runflow.callbackSecrets().create("prod")).isSameAs(SECRET);
        runflow.callbackSecrets().create(null);
        assertThat(runflow.callbackSecrets().get("cs_1")).isSameAs(SECRET);
        assertThat(runflow.callbackSecrets().update("cs_1", CallbackSecretUpdate.promote()))
                .isSameAs(SECRET);
        assertThat(calls)
                .containsExactly(
                        "create prod", "create null", "get cs_1", "update cs_1 " + CallbackSecretUpdate.promote());
    }

    @Test
    void callbackSecretLabelsMayHave255Characters() {
        runflow.callbackSecrets().create("l".repeat(255));
        assertThatThrownBy(() -> runflow.callbackSecrets().create("l".repeat(256)))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("label must be at most 255 characters, got 256");
        assertThat(calls).hasSize(1);
    }

    @Test
    void callbackSecretIdsMustBeIds() {
        assertThatThrownBy(() -> runflow.callbackSecrets().get("a/b"))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("secretId must be a callback secret id, got \"a/b\"");
        assertThatThrownBy(() -> runflow.callbackSecrets().get(" "))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("secretId must be a callback secret id, got \" \"");
        assertThatThrownBy(() -> runflow.callbackSecrets().get(null))
                .isExactlyInstanceOf(NullPointerException.class)
                .hasMessage("secretId");
        assertThatThrownBy(() -> runflow.callbackSecrets().update("cs_1", null))
                .isExactlyInstanceOf(NullPointerException.class)
                .hasMessage("update");
        assertThat(calls).isEmpty();
    }
}
