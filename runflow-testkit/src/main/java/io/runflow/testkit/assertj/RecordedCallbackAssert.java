package io.runflow.testkit.assertj;

import io.runflow.testkit.RecordedCallback;
import io.runflow.testkit.RecordedCallbackAttempt;
import io.runflow.webhook.WebhookSigner;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on one callback delivery of the fake server. Obtain with {@link RunflowAssertions}.
 * Messages never show a secret.
 */
public final class RecordedCallbackAssert extends AbstractAssert<RecordedCallbackAssert, RecordedCallback> {

    RecordedCallbackAssert(RecordedCallback actual) {
        super(actual, RecordedCallbackAssert.class);
    }

    /**
     * Checks that an attempt got a 2xx answer.
     *
     * @return this assertion
     */
    public RecordedCallbackAssert isDelivered() {
        isNotNull();
        if (!actual.delivered()) {
            failWithMessage(
                    "%nExpecting callback delivery %s to have been delivered but its status was %s after %s"
                            + " attempt(s):%n  %s",
                    actual.id(),
                    actual.status(),
                    actual.attempts().size(),
                    actual.attempts().stream()
                            .map(RecordedCallbackAssert::describe)
                            .collect(Collectors.toList()));
        }
        return this;
    }

    /**
     * Checks how many attempts were made.
     *
     * @param expected the number of attempts, 1 to 3
     * @return this assertion
     */
    public RecordedCallbackAssert hasAttempts(int expected) {
        isNotNull();
        if (actual.attempts().size() != expected) {
            failWithMessage(
                    "%nExpecting callback delivery %s to have %s attempt(s) but it had %s",
                    actual.id(), expected, actual.attempts().size());
        }
        return this;
    }

    /**
     * Checks that {@code Runflow-Signature} is the HMAC-SHA256 of the payload under this secret.
     *
     * @param secret the signing secret, e.g. {@code server.webhookSecret()}
     * @return this assertion
     */
    public RecordedCallbackAssert hasValidSignatureFor(String secret) {
        isNotNull();
        if (actual.signature() == null) {
            failWithMessage(
                    "%nExpecting callback delivery %s to be signed but it carried no Runflow-Signature", actual.id());
        }
        byte[] expected = WebhookSigner.of(secret).sign(actual.payload()).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, actual.signature().getBytes(StandardCharsets.US_ASCII))) {
            failWithMessage(
                    "%nExpecting callback delivery %s to carry a signature valid for the given secret but it did not"
                            + " (signed by secret %s)",
                    actual.id(), actual.signingSecretId());
        }
        return this;
    }

    private static String describe(RecordedCallbackAttempt a) {
        return "#" + a.number() + " " + (a.statusCode() == 0 ? a.error() : "HTTP " + a.statusCode());
    }
}
