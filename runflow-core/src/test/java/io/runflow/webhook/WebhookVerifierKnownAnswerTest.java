package io.runflow.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Signatures computed outside Java, so that signer and verifier cannot agree on a shared mistake.
 * Every expected value was produced with OpenSSL 3 and checked with Python's {@code hmac} module:
 *
 * <pre>
 * S='whsec_9f3b2c1d4e5a6b7c8d9e0f1a2b3c4d5e'
 * printf '' | openssl dgst -sha256 -hmac "$S"
 * printf '%s' 'The quick brown fox jumps over the lazy dog' | openssl dgst -sha256 -hmac "$S"
 * printf '%s' 'Grüße, 世界! 🚀 café' | openssl dgst -sha256 -hmac "$S"     # UTF-8 terminal
 * python3 -c "import sys; sys.stdout.buffer.write(bytes((i*31+7)&255 for i in range(1<<20)))" \
 *     | openssl dgst -sha256 -hmac "$S"
 * printf '%s' "$CALLBACK_BODY" | openssl dgst -sha256 -hmac "$S"             # CALLBACK_BODY below
 * printf '%s' 'The quick brown fox jumps over the lazy dog' | openssl dgst -sha256 -hmac 'whsec_clé_秘密'
 *
 * # cross-check, same results:
 * python3 -c "import hmac,hashlib; print(hmac.new(KEY.encode(), BODY, hashlib.sha256).hexdigest())"
 * </pre>
 */
class WebhookVerifierKnownAnswerTest {

    private static final String SECRET = "whsec_9f3b2c1d4e5a6b7c8d9e0f1a2b3c4d5e";

    static final String CALLBACK_BODY = "{\"event\":\"run.completed\","
            + "\"run_id\":\"0190f3a2-7c1e-7b3a-9d2e-5f4c3b2a1908\",\"status\":\"succeeded\","
            + "\"output\":{\"outputs\":[{\"type\":\"image\",\"url\":\"https://cdn.runflow.io/o/0190f3a2.jpg?sig=abc\"}],"
            + "\"seed\":1234},\"duration_ms\":10234,\"created_at\":\"2026-05-06T10:00:00.123456+00:00\","
            + "\"completed_at\":\"2026-05-06T10:00:10.357891+00:00\",\"metadata\":{\"order_id\":\"A-1001\"}}";

    private final WebhookVerifier verifier =
            WebhookVerifier.builder().secret(SECRET).build();

    @Test
    void signsAndVerifiesTheEmptyBody() {
        assertKnownAnswer(SECRET, new byte[0], "c838931d7f2b661b0b4a8dcb97d12e723b46d5849b7b800585cfc504905371ce");
    }

    @Test
    void signsAndVerifiesAnAsciiBody() {
        assertKnownAnswer(
                SECRET,
                utf8("The quick brown fox jumps over the lazy dog"),
                "f8b98741bea023fef9652f42a56bbf2e625fa5d49512913127fbcc133b90a14e");
    }

    @Test
    void signsAndVerifiesAMultiByteUtf8Body() {
        // "Grüße, 世界! 🚀 café": two-, three- and four-byte sequences.
        assertKnownAnswer(
                SECRET,
                utf8("Gr\u00fc\u00dfe, \u4e16\u754c! \ud83d\ude80 caf\u00e9"),
                "2684957491d065c0664c08f4806b408327d6f109604156ff61c95103a2d5d95f");
    }

    @Test
    void signsAndVerifiesAOneMebibyteBodyAtTheDefaultLimit() {
        byte[] body = new byte[1 << 20];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) ((i * 31 + 7) & 0xFF);
        }
        assertKnownAnswer(SECRET, body, "fe7c862c73d10f817d84bfdbe40ce2b087531dd4770f8d55d93a7f39f28f576b");
    }

    @Test
    void signsAndVerifiesARealisticCallbackBody() {
        assertKnownAnswer(
                SECRET, utf8(CALLBACK_BODY), "4d0c3930acf0489bdafd51658135cc6de5d1fd37a42f4d3b10240792d6d6241a");
        RunCallback callback = (RunCallback) verifier.verify(
                utf8(CALLBACK_BODY), "4d0c3930acf0489bdafd51658135cc6de5d1fd37a42f4d3b10240792d6d6241a");
        assertThat(callback.runId()).isEqualTo("0190f3a2-7c1e-7b3a-9d2e-5f4c3b2a1908");
        assertThat(callback.completedAt()).hasToString("2026-05-06T10:00:10.357891Z");
    }

    @Test
    void usesTheUtf8BytesOfANonAsciiSecretAsTheKey() {
        assertKnownAnswer(
                "whsec_cl\u00e9_\u79d8\u5bc6",
                utf8("The quick brown fox jumps over the lazy dog"),
                "18f748dc98db50bf993b85e31742fc469f3aa385e803b200d74c5583f1bc1ed3");
    }

    private static void assertKnownAnswer(String secret, byte[] body, String expected) {
        assertThat(WebhookSigner.of(secret).sign(body)).isEqualTo(expected);
        WebhookVerifier verifier = WebhookVerifier.builder().secret(secret).build();
        assertThatCode(() -> verifier.verifySignature(body, expected)).doesNotThrowAnyException();
        assertThatCode(() -> verifier.verifySignature(body, expected.toUpperCase(Locale.ROOT)))
                .doesNotThrowAnyException();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
