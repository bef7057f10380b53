package io.runflow.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.runflow.RunflowApi;
import io.runflow.RunflowClient;
import io.runflow.fuzz.FuzzTally;
import io.runflow.fuzz.JsonMutator;
import io.runflow.fuzz.JsonMutator.Mutation;
import io.runflow.fuzz.Seeds;
import io.runflow.fuzz.Values;
import io.runflow.webhook.WebhookVerificationException.Reason;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Mutated run and batch callbacks, each correctly signed so that the fuzz reaches the parser and not
 * only the signature check, through {@link WebhookVerifier#verify} and {@link
 * WebhookEndpoint#handle}: the verifier answers a callback or a {@link WebhookVerificationException},
 * the endpoint answers 200, 400 or 413 and never throws, never 500.
 */
class WebhookFuzzTest {

    private static final String SECRET = "whsec_fuzz_callbacks_0123456789";
    private static final WebhookSigner SIGNER = WebhookSigner.of(SECRET);
    private static final int BYTE_MUTATIONS = 200;
    private static final Set<Integer> STATUSES = Set.of(200, 400, 413);

    private final WebhookVerifier verifier =
            WebhookVerifier.builder().secret(SECRET).build();
    // Waits are never registered, so the client's API is never called; a callback still goes through
    // callbacks().accept(..) or acceptBatch(..), as in an application.
    private final RunflowClient client = RunflowClient.builder()
            .apiKey("fuzz")
            .transport(options -> (RunflowApi) Proxy.newProxyInstance(
                    RunflowApi.class.getClassLoader(), new Class<?>[] {RunflowApi.class}, (proxy, method, args) -> {
                        if (method.getName().equals("close")) {
                            return null;
                        }
                        throw new UnsupportedOperationException(method.getName());
                    }))
            .build();

    @AfterEach
    void closeClient() {
        client.close();
    }

    @Test
    void everySignedMutatedCallbackVerifiesOrIsRejectedWithAReason() {
        FuzzTally tally = new FuzzTally("WebhookVerifier.verify", WebhookVerificationException.class, SECRET);
        fuzzCallbacks(m -> tally.run(m, () -> {
            try {
                Callback callback = verifier.verify(m.body(), header(m.body()));
                readThrough(callback);
                return callback;
            } catch (WebhookVerificationException e) {
                if (e.reason() != Reason.BODY_NOT_A_CALLBACK && e.reason() != Reason.BODY_TOO_LARGE) {
                    tally.fail(m, "a signed body was rejected as " + e.reason());
                }
                throw e;
            }
        }));

        tally.assertClean();
        assertThat(tally.inputs()).isGreaterThan(5_000);
    }

    @Test
    void theEndpointAnswersEverySignedMutatedCallbackWith200Or400AndNeverThrows() {
        WebhookEndpoint endpoint = WebhookEndpoint.builder()
                .verifier(verifier)
                .client(client)
                .listener(WebhookFuzzTest::readThrough)
                .build();
        FuzzTally answers = new FuzzTally("WebhookEndpoint.handle", NeverThrown.class);
        fuzzCallbacks(m -> answers.run(m, () -> {
            Map<String, String> headers = Map.of(
                    WebhookVerifier.SIGNATURE_HEADER,
                    SIGNER.sign(m.body()),
                    WebhookVerifier.REQUEST_ID_HEADER,
                    "req-f");
            WebhookResponse response = endpoint.handle(m.body(), headers::get);
            if (!STATUSES.contains(response.status())) {
                answers.fail(m, "answered " + response.status() + " " + response.body());
            }
            return response;
        }));

        answers.assertClean();
        assertThat(answers.inputs()).isGreaterThan(5_000);
    }

    @Test
    void aSignedJsonValueThatIsNoCallbackIsAnswered400BodyNotACallback() {
        WebhookEndpoint endpoint = WebhookEndpoint.builder().verifier(verifier).build();
        byte[] body = "[".repeat(100_000).getBytes(java.nio.charset.StandardCharsets.UTF_8);

        WebhookResponse response =
                endpoint.handle(body, Map.of(WebhookVerifier.SIGNATURE_HEADER, SIGNER.sign(body))::get);

        assertThat(response)
                .isEqualTo(new WebhookResponse(400, "{\"outcome\":\"rejected\",\"reason\":\"body_not_a_callback\"}"));
    }

    private static void fuzzCallbacks(Consumer<Mutation> each) {
        for (int i = 0; i < Seeds.CALLBACKS.size(); i++) {
            JsonMutator.all(Seeds.bytes(Seeds.CALLBACKS.get(i)), 40 + i, BYTE_MUTATIONS, each);
        }
        JsonMutator.hostile(each);
    }

    private static String header(byte[] body) {
        return SIGNER.sign(body);
    }

    /** Reads the callback as a listener would, its run or batch included. */
    private static void readThrough(Callback callback) {
        Values.touch(callback);
        if (callback instanceof RunCallback run) {
            Values.touch(run.toRun());
        } else if (callback instanceof BatchCallback batch) {
            Values.touch(batch.toBatch());
        }
    }

    /** No exception is this type: whatever handle throws is a failure. */
    private static final class NeverThrown extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }
}
