package io.runflow.benchmarks;

import io.runflow.webhook.Callback;
import io.runflow.webhook.WebhookSigner;
import io.runflow.webhook.WebhookVerifier;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * P2: webhook verification of a 2 KiB callback: the SDK's signature check and its full {@code verify}
 * (check and parse) next to a bare {@link Mac#doFinal} and a constant-time hex compare.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class WebhookBenchmark {

    static final String SECRET = "whsec_benchmark_0123456789abcdef";

    private byte[] body;
    private String signature;
    private byte[] signatureAscii;
    private Mac mac;
    private WebhookVerifier verifier;

    /**
     * Builds the body, signs it and keys the peers.
     *
     * @throws GeneralSecurityException never on a JDK with HmacSHA256
     */
    @Setup
    public void start() throws GeneralSecurityException {
        body = callbackOf(2048);
        signature = WebhookSigner.of(SECRET).sign(body);
        signatureAscii = signature.getBytes(StandardCharsets.US_ASCII);
        mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        verifier = WebhookVerifier.builder().secret(SECRET).build();
    }

    /**
     * The yardstick: a keyed {@code Mac}, its digest as lowercase hex, compared in constant time.
     *
     * @return whether the signature matched
     */
    @Benchmark
    public boolean bareMac() {
        byte[] digest = mac.doFinal(body);
        byte[] hex = HexFormat.of().formatHex(digest).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(hex, signatureAscii);
    }

    /**
     * The SDK's check: size limit, header shape, every secret, constant-time compare; no parsing. This
     * is the public {@code verifySignature} alone (P2a times it; P2c counts what it allocates).
     *
     * @return the body checked
     */
    @Benchmark
    public byte[] signatureCheck() {
        verifier.verifySignature(body, signature);
        return body;
    }

    /**
     * The SDK's full {@code verify}: the check, then the callback read into records.
     *
     * @return the callback
     */
    @Benchmark
    public Callback fullVerify() {
        return verifier.verify(body, signature);
    }

    /** A {@code run.completed} callback padded with metadata to exactly {@code size} bytes. */
    static byte[] callbackOf(int size) {
        String head = "{\"event\":\"run.completed\",\"run_id\":\"0190f3a2-7c1e-7b3a-9d2e-5c4b3a291807\","
                + "\"status\":\"succeeded\",\"output\":{\"outputs\":[{\"url\":"
                + "\"https://cdn.runflow.io/outputs/0190f3a2/0.jpg\",\"type\":\"image\",\"width\":2752,"
                + "\"height\":1536,\"content_type\":\"image/jpeg\"}],\"seed\":42,\"timing\":{\"inference_ms\":8123},"
                + "\"nsfw_detected\":false},\"duration_ms\":9120,\"created_at\":\"2025-06-01T10:15:30.123456+00:00\","
                + "\"completed_at\":\"2025-06-01T10:15:39.243456+00:00\",\"metadata\":{\"note\":\"";
        String tail = "\"}}";
        int padding = size - head.length() - tail.length();
        if (padding < 0) {
            throw new IllegalArgumentException("size too small: " + size);
        }
        return (head + "x".repeat(padding) + tail).getBytes(StandardCharsets.UTF_8);
    }
}
