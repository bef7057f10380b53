package io.runflow.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.runflow.errors.RunflowException;
import io.runflow.webhook.WebhookVerificationException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class WebhookVerifierTest {

    private static final String SECRET = "whsec_current_0123456789abcdef";
    private static final String NEXT_SECRET = "whsec_next_fedcba9876543210";
    private static final String OLD_SECRET = "whsec_rotated_out_5555";
    private static final String HEX = "0123456789abcdef";

    private static final byte[] CALLBACK =
            utf8("{\"event\":\"run.completed\",\"run_id\":\"run-1\",\"status\":\"succeeded\"}");

    private final WebhookVerifier verifier =
            WebhookVerifier.builder().secret(SECRET).build();
    private final WebhookSigner signer = WebhookSigner.of(SECRET);

    // --- properties -------------------------------------------------------------------------

    @Test
    void acceptsOneThousandRandomBodiesSignedWithTheSecret() {
        Random random = new Random(20260506L);
        for (int i = 0; i < 1_000; i++) {
            byte[] body = new byte[random.nextInt(4_097)];
            random.nextBytes(body);
            String signature = signer.sign(body);
            assertThatCode(() -> verifier.verifySignature(body, signature))
                    .as("body #%d of %d bytes", i, body.length)
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void verifiesAndReadsOneThousandRandomCallbacks() {
        Random random = new Random(7L);
        for (int i = 0; i < 1_000; i++) {
            String runId = "run-" + Long.toHexString(random.nextLong());
            String note = randomText(random, random.nextInt(200));
            byte[] body = utf8("{\"event\":\"run.completed\",\"run_id\":\"" + runId
                    + "\",\"status\":\"succeeded\",\"metadata\":{\"note\":\"" + note + "\"}}");

            RunCallback callback = (RunCallback) verifier.verify(body, signer.sign(body));

            assertThat(callback.runId()).isEqualTo(runId);
            assertThat(callback.metadata().path("note").asString()).contains(note);
        }
    }

    @Test
    void rejectsEverySingleByteChangeOfTheBodyWithSignatureMismatch() {
        Random random = new Random(42L);
        for (byte[] body : sampleBodies(random)) {
            String signature = signer.sign(body);
            for (int position = 0; position < body.length; position++) {
                byte original = body[position];
                for (int value = 0; value < 256; value++) {
                    if ((byte) value == original) {
                        continue;
                    }
                    body[position] = (byte) value;
                    assertThat(reasonOf(() -> verifier.verifySignature(body, signature)))
                            .as("byte %d set to %d", position, value)
                            .isEqualTo(Reason.SIGNATURE_MISMATCH);
                }
                body[position] = original;
            }
            assertThatCode(() -> verifier.verifySignature(body, signature)).doesNotThrowAnyException();
        }
    }

    @Test
    void rejectsEverySingleHexDigitChangeOfTheSignatureWithSignatureMismatch() {
        Random random = new Random(43L);
        for (byte[] body : sampleBodies(random)) {
            char[] signature = signer.sign(body).toCharArray();
            for (int position = 0; position < signature.length; position++) {
                char original = signature[position];
                for (char digit : HEX.toCharArray()) {
                    if (digit == original) {
                        continue;
                    }
                    signature[position] = digit;
                    String changed = new String(signature);
                    assertThat(reasonOf(() -> verifier.verifySignature(body, changed)))
                            .as("digit %d set to %s", position, digit)
                            .isEqualTo(Reason.SIGNATURE_MISMATCH);
                }
                signature[position] = original;
            }
        }
    }

    // --- rotation ---------------------------------------------------------------------------

    @Test
    void acceptsASignatureFromEitherOfTwoConfiguredSecrets() {
        WebhookVerifier rotating =
                WebhookVerifier.builder().secret(SECRET).secret(NEXT_SECRET).build();

        assertThat(rotating.verify(CALLBACK, WebhookSigner.of(SECRET).sign(CALLBACK))
                        .id())
                .isEqualTo("run-1");
        assertThat(rotating.verify(CALLBACK, WebhookSigner.of(NEXT_SECRET).sign(CALLBACK))
                        .id())
                .isEqualTo("run-1");
    }

    @Test
    void aSecretReadWithATrailingNewlineStillVerifies() {
        byte[] body = "{\"event\":\"run.completed\",\"run_id\":\"r1\",\"status\":\"succeeded\"}"
                .getBytes(StandardCharsets.UTF_8);
        String signature = WebhookSigner.of("whsec_file").sign(body);

        Callback callback =
                WebhookVerifier.builder().secret("whsec_file\n").build().verify(body, signature);

        assertThat(callback.id()).isEqualTo("r1");
        assertThat(WebhookSigner.of(" whsec_file\n").sign(body)).isEqualTo(signature);
    }

    @Test
    void eachReasonSaysWhatAnEndpointAnswers() {
        assertThat(Reason.MISSING_SIGNATURE.httpStatus()).isEqualTo(401);
        assertThat(Reason.MALFORMED_SIGNATURE.httpStatus()).isEqualTo(401);
        assertThat(Reason.SIGNATURE_MISMATCH.httpStatus()).isEqualTo(401);
        assertThat(Reason.BODY_NOT_A_CALLBACK.httpStatus()).isEqualTo(400);
        assertThat(Reason.BODY_TOO_LARGE.httpStatus()).isEqualTo(413);
    }

    @Test
    void rejectsASignatureFromARotatedOutSecret() {
        WebhookVerifier rotated =
                WebhookVerifier.builder().secret(SECRET).secret(NEXT_SECRET).build();

        WebhookVerificationException e = rejection(
                () -> rotated.verify(CALLBACK, WebhookSigner.of(OLD_SECRET).sign(CALLBACK)));

        assertThat(e.reason()).isEqualTo(Reason.SIGNATURE_MISMATCH);
        assertThat(e)
                .hasMessage("Runflow-Signature does not match the body under any configured secret"
                        + " (was the body changed, or the secret rotated?)");
    }

    // --- the header's form ------------------------------------------------------------------

    @Test
    void acceptsUpperCaseHex() {
        String upper = signer.sign(CALLBACK).toUpperCase(Locale.ROOT);

        assertThat(verifier.verify(CALLBACK, upper).id()).isEqualTo("run-1");
    }

    @Test
    void acceptsAHeaderPaddedWithWhiteSpace() {
        String padded = " \t" + signer.sign(CALLBACK) + " \r\n";

        assertThat(verifier.verify(CALLBACK, padded).id()).isEqualTo("run-1");
    }

    @Test
    void rejectsSixtyThreeHexCharactersAsMalformed() {
        String signature = signer.sign(CALLBACK).substring(1);

        WebhookVerificationException e = rejection(() -> verifier.verify(CALLBACK, signature));

        assertThat(e.reason()).isEqualTo(Reason.MALFORMED_SIGNATURE);
        assertThat(e).hasMessage("Runflow-Signature must be 64 hex characters, got 63 characters");
    }

    @Test
    void rejectsSixtyFiveHexCharactersAsMalformed() {
        String signature = signer.sign(CALLBACK) + "0";

        WebhookVerificationException e = rejection(() -> verifier.verify(CALLBACK, signature));

        assertThat(e.reason()).isEqualTo(Reason.MALFORMED_SIGNATURE);
        assertThat(e).hasMessage("Runflow-Signature must be 64 hex characters, got 65 characters");
    }

    @Test
    void rejectsANonHexCharacterAsMalformed() {
        String signature = "g" + signer.sign(CALLBACK).substring(1);

        WebhookVerificationException e = rejection(() -> verifier.verify(CALLBACK, signature));

        assertThat(e.reason()).isEqualTo(Reason.MALFORMED_SIGNATURE);
        assertThat(e).hasMessage("Runflow-Signature must be 64 hex characters, got a non-hex character");
    }

    @Test
    void rejectsNonAsciiDigitsAsMalformed() {
        // ARABIC-INDIC DIGIT THREE is a digit to Character.digit, but not hex.
        String signature = "\u0663" + signer.sign(CALLBACK).substring(1);

        assertThat(reasonOf(() -> verifier.verify(CALLBACK, signature))).isEqualTo(Reason.MALFORMED_SIGNATURE);
    }

    @Test
    void rejectsAMissingSignature() {
        WebhookVerificationException e = rejection(() -> verifier.verify(CALLBACK, (String) null));

        assertThat(e.reason()).isEqualTo(Reason.MISSING_SIGNATURE);
        assertThat(e).hasMessage("no Runflow-Signature header; is a callback secret set up?");
    }

    @Test
    void rejectsEmptyAndBlankSignaturesAsMissing() {
        assertThat(reasonOf(() -> verifier.verify(CALLBACK, ""))).isEqualTo(Reason.MISSING_SIGNATURE);
        assertThat(reasonOf(() -> verifier.verify(CALLBACK, " \t "))).isEqualTo(Reason.MISSING_SIGNATURE);
    }

    // --- the body's size --------------------------------------------------------------------

    @Test
    void acceptsABodyOfExactlyTheLimit() {
        WebhookVerifier limited =
                WebhookVerifier.builder().secret(SECRET).maxBodySize(100).build();
        byte[] body = new byte[100];

        assertThatCode(() -> limited.verifySignature(body, signer.sign(body))).doesNotThrowAnyException();
    }

    @Test
    void rejectsABodyOneByteOverTheLimitBeforeLookingAtTheSignature() {
        WebhookVerifier limited =
                WebhookVerifier.builder().secret(SECRET).maxBodySize(100).build();
        byte[] body = new byte[101];

        WebhookVerificationException e = rejection(() -> limited.verify(body, (String) null));

        assertThat(e.reason()).isEqualTo(Reason.BODY_TOO_LARGE);
        assertThat(e).hasMessage("callback body is 101 bytes, over the limit of 100 bytes");
    }

    @Test
    void rejectsABodyOneByteOverTheDefaultLimitOfOneMebibyte() {
        byte[] body = new byte[1024 * 1024 + 1];

        WebhookVerificationException e = rejection(() -> verifier.verify(body, signer.sign(body)));

        assertThat(e.reason()).isEqualTo(Reason.BODY_TOO_LARGE);
        assertThat(e).hasMessage("callback body is 1048577 bytes, over the limit of 1048576 bytes");
    }

    // --- the body's content, after the signature --------------------------------------------

    @Test
    void rejectsASignedBodyThatIsNotJson() {
        byte[] body = utf8("event=run.completed&run_id=run-1");

        WebhookVerificationException e = rejection(() -> verifier.verify(body, signer.sign(body)));

        assertThat(e.reason()).isEqualTo(Reason.BODY_NOT_A_CALLBACK);
        assertThat(e).hasMessage("callback body is not valid JSON");
    }

    @Test
    void rejectsASignedBodyWithTrailingContent() {
        byte[] body = utf8("{\"event\":\"run.completed\",\"run_id\":\"run-1\"} {}");

        WebhookVerificationException e = rejection(() -> verifier.verify(body, signer.sign(body)));

        assertThat(e.reason()).isEqualTo(Reason.BODY_NOT_A_CALLBACK);
        assertThat(e).hasMessage("callback body is not valid JSON");
    }

    @Test
    void rejectsASignedJsonArray() {
        byte[] body = utf8("[{\"event\":\"run.completed\",\"run_id\":\"run-1\"}]");

        WebhookVerificationException e = rejection(() -> verifier.verify(body, signer.sign(body)));

        assertThat(e.reason()).isEqualTo(Reason.BODY_NOT_A_CALLBACK);
        assertThat(e).hasMessage("callback body is not a JSON object");
    }

    @Test
    void rejectsASignedBodyWithoutEvent() {
        byte[] body = utf8("{\"run_id\":\"run-1\",\"status\":\"succeeded\"}");

        WebhookVerificationException e = rejection(() -> verifier.verify(body, signer.sign(body)));

        assertThat(e.reason()).isEqualTo(Reason.BODY_NOT_A_CALLBACK);
        assertThat(e).hasMessage("callback body has no \"event\"");
    }

    @Test
    void rejectsASignedBodyWithoutRunIdOrBatchId() {
        byte[] body = utf8("{\"event\":\"run.completed\",\"run_id\":\" \",\"status\":\"succeeded\"}");

        WebhookVerificationException e = rejection(() -> verifier.verify(body, signer.sign(body)));

        assertThat(e.reason()).isEqualTo(Reason.BODY_NOT_A_CALLBACK);
        assertThat(e).hasMessage("callback body has neither \"run_id\" nor \"batch_id\"");
    }

    @Test
    void checksTheSignatureBeforeReadingTheBody() {
        byte[] notJson = utf8("not json");

        assertThat(reasonOf(() -> verifier.verify(notJson, (String) null))).isEqualTo(Reason.MISSING_SIGNATURE);
        assertThat(reasonOf(() -> verifier.verify(notJson, "0".repeat(64)))).isEqualTo(Reason.SIGNATURE_MISMATCH);
    }

    @Test
    void verifySignatureAcceptsASignedBodyThatIsNotJsonWhichVerifyRejects() {
        byte[] notJson = utf8("not json");
        String signature = signer.sign(notJson);

        assertThatCode(() -> verifier.verifySignature(notJson, signature)).doesNotThrowAnyException();
        WebhookVerificationException e = rejection(() -> verifier.verify(notJson, signature));
        assertThat(e.reason()).isEqualTo(Reason.BODY_NOT_A_CALLBACK);
        assertThat(e).hasMessage("callback body is not valid JSON");
    }

    @Test
    void verifySignatureAcceptsASignedJsonBodyThatIsNoCallback() {
        byte[] noIds = utf8("{\"event\":\"run.completed\"}");

        assertThatCode(() -> verifier.verifySignature(noIds, signer.sign(noIds)))
                .doesNotThrowAnyException();
        assertThat(reasonOf(() -> verifier.verify(noIds, signer.sign(noIds)))).isEqualTo(Reason.BODY_NOT_A_CALLBACK);
    }

    @Test
    void verifySignatureRejectsWithTheSameReasonsAsVerify() {
        byte[] notJson = utf8("not json");
        WebhookVerifier limited =
                WebhookVerifier.builder().secret(SECRET).maxBodySize(4).build();

        assertThat(reasonOf(() -> verifier.verifySignature(notJson, null))).isEqualTo(Reason.MISSING_SIGNATURE);
        assertThat(reasonOf(() -> verifier.verifySignature(notJson, "abc"))).isEqualTo(Reason.MALFORMED_SIGNATURE);
        assertThat(reasonOf(() -> verifier.verifySignature(notJson, "0".repeat(64))))
                .isEqualTo(Reason.SIGNATURE_MISMATCH);
        assertThat(reasonOf(() -> limited.verifySignature(notJson, signer.sign(notJson))))
                .isEqualTo(Reason.BODY_TOO_LARGE);
    }

    @Test
    void verifyReturnsARunCallbackForARunBody() {
        Callback callback = verifier.verify(CALLBACK, signer.sign(CALLBACK));

        assertThat(callback).isInstanceOf(RunCallback.class);
        assertThat(((RunCallback) callback).runId()).isEqualTo("run-1");
    }

    @Test
    void verifyReturnsABatchCallbackForABatchBody() {
        byte[] body = utf8("{\"event\":\"batch.succeeded\",\"batch_id\":\"batch-1\",\"status\":\"succeeded\"}");

        Callback callback = verifier.verify(body, signer.sign(body));

        assertThat(callback).isInstanceOf(BatchCallback.class);
        assertThat(((BatchCallback) callback).batchId()).isEqualTo("batch-1");
    }

    // --- header lookup ----------------------------------------------------------------------

    @Test
    void readsHeadersByTheirCanonicalNames() {
        Map<String, String> headers =
                Map.of("Runflow-Signature", signer.sign(CALLBACK), "Runflow-Request-Id", "req-123");

        RunCallback callback = (RunCallback) verifier.verify(CALLBACK, headers::get);

        assertThat(callback.requestId()).isEqualTo("req-123");
    }

    @Test
    void readsHeadersByLowerCaseNames() {
        Map<String, String> headers =
                Map.of("runflow-signature", signer.sign(CALLBACK), "runflow-request-id", " req-456 ");

        RunCallback callback = (RunCallback) verifier.verify(CALLBACK, headers::get);

        assertThat(callback.requestId()).isEqualTo("req-456");
    }

    @Test
    void readsHeadersByUpperCaseNames() {
        Map<String, String> headers =
                Map.of("RUNFLOW-SIGNATURE", signer.sign(CALLBACK), "RUNFLOW-REQUEST-ID", "req-789");

        RunCallback callback = (RunCallback) verifier.verify(CALLBACK, headers::get);

        assertThat(callback.requestId()).isEqualTo("req-789");
    }

    @Test
    void leavesTheRequestIdNullWhenItsHeaderIsAbsent() {
        Map<String, String> headers = Map.of("Runflow-Signature", signer.sign(CALLBACK));

        assertThat(verifier.verify(CALLBACK, headers::get).requestId()).isNull();
        assertThat(verifier.verify(CALLBACK, signer.sign(CALLBACK)).requestId()).isNull();
    }

    @Test
    void leavesTheRequestIdNullWhenItsHeaderIsBlank() {
        Map<String, String> headers = Map.of("Runflow-Signature", signer.sign(CALLBACK), "Runflow-Request-Id", "  ");

        assertThat(verifier.verify(CALLBACK, headers::get).requestId()).isNull();
    }

    @Test
    void rejectsALookupWithoutTheSignatureHeaderAsMissing() {
        Map<String, String> headers = Map.of("Runflow-Request-Id", "req-1");

        assertThat(reasonOf(() -> verifier.verify(CALLBACK, headers::get))).isEqualTo(Reason.MISSING_SIGNATURE);
    }

    // --- secrecy ----------------------------------------------------------------------------

    @Test
    void neverShowsASecretInToString() {
        WebhookVerifier.Builder builder =
                WebhookVerifier.builder().secret(SECRET).secret(NEXT_SECRET);

        assertThat(builder).hasToString("WebhookVerifier.Builder[secrets=2 (redacted), maxBodySize=1048576]");
        assertThat(builder.build()).hasToString("WebhookVerifier[secrets=2 (redacted), maxBodySize=1048576]");
        assertThat(signer).hasToString("WebhookSigner[secret=***]");
    }

    @Test
    void neverShowsASecretOrTheExpectedSignatureInAMessage() {
        byte[] notJson = utf8("not json");
        String expected = signer.sign(CALLBACK);
        List<ThrowingCallable> failures = List.of(
                () -> verifier.verify(new byte[2 * 1024 * 1024], expected),
                () -> verifier.verify(CALLBACK, (String) null),
                () -> verifier.verify(CALLBACK, expected.substring(2)),
                () -> verifier.verify(CALLBACK, "0".repeat(64)),
                () -> verifier.verify(CALLBACK, WebhookSigner.of(OLD_SECRET).sign(CALLBACK)),
                () -> verifier.verify(notJson, signer.sign(notJson)));

        List<Reason> reasons = new ArrayList<>();
        for (ThrowingCallable failure : failures) {
            WebhookVerificationException e = rejection(failure);
            reasons.add(e.reason());
            assertThat(e.getMessage())
                    .doesNotContain(SECRET)
                    .doesNotContain(expected)
                    .doesNotContain(signer.sign(notJson));
        }
        assertThat(reasons)
                .containsExactly(
                        Reason.BODY_TOO_LARGE,
                        Reason.MISSING_SIGNATURE,
                        Reason.MALFORMED_SIGNATURE,
                        Reason.SIGNATURE_MISMATCH,
                        Reason.SIGNATURE_MISMATCH,
                        Reason.BODY_NOT_A_CALLBACK);
    }

    @Test
    void isARunflowException() {
        assertThat(rejection(() -> verifier.verify(CALLBACK, (String) null))).isInstanceOf(RunflowException.class);
    }

    @Test
    void verifiesFromManyThreadsAtOnce() throws Exception {
        WebhookVerifier rotating =
                WebhookVerifier.builder().secret(NEXT_SECRET).secret(SECRET).build();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                results.add(threads.submit(() -> {
                    int verified = 0;
                    for (int i = 0; i < 500; i++) {
                        byte[] body = utf8("{\"event\":\"run.completed\",\"run_id\":\"run-" + thread + "-" + i + "\"}");
                        String signature = (i % 2 == 0 ? signer : WebhookSigner.of(NEXT_SECRET)).sign(body);
                        if (rotating.verify(body, signature).id().equals("run-" + thread + "-" + i)) {
                            verified++;
                        }
                    }
                    return verified;
                }));
            }
            for (Future<Integer> result : results) {
                assertThat(result.get(1, TimeUnit.MINUTES)).isEqualTo(500);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void signerRejectsABlankSecret() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> WebhookSigner.of(""))
                .withMessage("secret must not be blank");
    }

    // --- the builder ------------------------------------------------------------------------

    @Test
    void requiresAtLeastOneSecret() {
        assertThatIllegalStateException()
                .isThrownBy(() -> WebhookVerifier.builder().build())
                .withMessage("at least one secret is required");
    }

    @Test
    void rejectsABlankSecret() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> WebhookVerifier.builder().secret(" "))
                .withMessage("secret must not be blank");
    }

    @Test
    void rejectsAnUnresolvedPlaceholderAsSecretNamingIt() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> WebhookVerifier.builder().secret("${RUNFLOW_WEBHOOK_SECRET}"))
                .withMessage("secret is the unresolved placeholder ${RUNFLOW_WEBHOOK_SECRET}: set what it refers to");
    }

    @Test
    void rejectsANonPositiveMaxBodySize() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> WebhookVerifier.builder().maxBodySize(0))
                .withMessage("maxBodySize must be positive, got 0");
    }

    // --- helpers ----------------------------------------------------------------------------

    /** Twenty small bodies, so that every single-byte and single-digit change can be tried. */
    private static List<byte[]> sampleBodies(Random random) {
        List<byte[]> bodies = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            byte[] body = new byte[1 + random.nextInt(32)];
            random.nextBytes(body);
            bodies.add(body);
        }
        return bodies;
    }

    /** Letters, digits, spaces and non-ASCII letters; nothing that needs escaping in JSON. */
    private static String randomText(Random random, int length) {
        String alphabet = "abcXYZ019 \u00e9\u00df\u4e16\u754c";
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private static WebhookVerificationException rejection(ThrowingCallable call) {
        WebhookVerificationException e = catchThrowableOfType(WebhookVerificationException.class, call);
        assertThat(e).as("expected a WebhookVerificationException").isNotNull();
        return e;
    }

    private static Reason reasonOf(ThrowingCallable call) {
        return rejection(call).reason();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
