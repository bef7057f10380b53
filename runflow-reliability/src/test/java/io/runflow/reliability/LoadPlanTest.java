package io.runflow.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runflow.reliability.Delivery.Kind;
import io.runflow.webhook.WebhookVerificationException;
import io.runflow.webhook.WebhookVerifier;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LoadPlanTest {

    private static final String SECRET = "whsec_plan_test";
    private static final long MAX = WebhookVerifier.DEFAULT_MAX_BODY_SIZE;

    private final WebhookVerifier verifier =
            WebhookVerifier.builder().secret(SECRET).build();
    private final List<Delivery> plan = LoadPlan.create(LoadSettings.full().withCallbacks(400), 3, SECRET, MAX);

    @Test
    void theSharesOfTheSettingsAreThere() {
        Map<Kind, Long> kinds = plan.stream().collect(Collectors.groupingBy(Delivery::kind, Collectors.counting()));

        assertThat(kinds)
                .containsEntry(Kind.ORIGINAL, 400L)
                .containsEntry(Kind.DUPLICATE, 80L)
                .containsEntry(Kind.FORGERY, 20L)
                .containsEntry(Kind.OVERSIZED, 4L);
        assertThat(plan.stream()
                        .filter(d -> d.kind() == Kind.ORIGINAL)
                        .map(Delivery::runId)
                        .distinct())
                .hasSize(400);
    }

    @Test
    void theSameSeedMakesTheSamePlan() {
        List<Delivery> again = LoadPlan.create(LoadSettings.full().withCallbacks(400), 3, SECRET, MAX);

        assertThat(again).hasSameSizeAs(plan);
        for (int i = 0; i < plan.size(); i++) {
            assertThat(again.get(i).runId()).isEqualTo(plan.get(i).runId());
            assertThat(again.get(i).instance()).isEqualTo(plan.get(i).instance());
            assertThat(again.get(i).body()).isEqualTo(plan.get(i).body());
        }
    }

    @Test
    void eachDuplicateRepeatsItsOriginalLaterOnAnotherInstanceHalfOfThemRightAfterIt() {
        Map<String, Integer> originalAt = new HashMap<>();
        int rightAfter = 0;
        for (int i = 0; i < plan.size(); i++) {
            Delivery delivery = plan.get(i);
            if (delivery.kind() == Kind.ORIGINAL) {
                originalAt.put(delivery.runId(), i);
            } else if (delivery.kind() == Kind.DUPLICATE) {
                assertThat(originalAt).containsKey(delivery.runId());
                Delivery original = plan.get(originalAt.get(delivery.runId()));
                assertThat(delivery.instance()).isNotEqualTo(original.instance());
                assertThat(delivery.body()).isEqualTo(original.body());
                assertThat(delivery.signature()).isEqualTo(original.signature());
                if (originalAt.get(delivery.runId()) == i - 1) {
                    rightAfter++;
                }
            }
        }
        assertThat(rightAfter).isBetween(40, 50);
    }

    @Test
    void originalsVerifyForgeriesDoNotAndOversizedBodiesAreOverTheLimit() {
        for (Delivery delivery : plan) {
            switch (delivery.kind()) {
                case ORIGINAL, DUPLICATE ->
                    assertThat(verifier.verify(delivery.body(), delivery.signature())
                                    .id())
                            .isEqualTo(delivery.runId());
                case FORGERY ->
                    assertThatThrownBy(() -> verifier.verify(delivery.body(), delivery.signature()))
                            .isInstanceOfSatisfying(
                                    WebhookVerificationException.class,
                                    e -> assertThat(e.reason().httpStatus()).isEqualTo(401));
                case OVERSIZED -> assertThat((long) delivery.body().length).isGreaterThan(MAX);
            }
        }
        assertThat(plan.stream().filter(d -> d.kind() == Kind.OVERSIZED).filter(Delivery::chunked))
                .hasSize(2);
    }
}
