package io.runflow.webhook;

import io.runflow.internal.Lazy;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 with one key. A {@link Mac} is initialised once, on the first use (setting up the JCE
 * provider costs an application's start-up tens of milliseconds, for a verifier that may not see a
 * callback for a while), and cloned per thread: key setup (two SHA-256 block hashes of the padded key)
 * then costs nothing per call, and no {@code Mac} is shared between threads.
 */
final class HmacSha256 {

    private static final String ALGORITHM = "HmacSHA256";

    private final Lazy<Mac> prototype;
    private final ThreadLocal<Mac> perThread;

    HmacSha256(byte[] key) {
        byte[] copy = key.clone();
        this.prototype = new Lazy<>(() -> newMac(copy));
        this.perThread = ThreadLocal.withInitial(() -> copyOf(prototype.get()));
    }

    byte[] mac(byte[] message) {
        Mac mac = perThread.get();
        // doFinal resets the Mac to its keyed initial state, ready for the next call.
        return mac.doFinal(message);
    }

    private static Mac newMac(byte[] key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    private static Mac copyOf(Mac prototype) {
        try {
            synchronized (prototype) {
                return (Mac) prototype.clone();
            }
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("HmacSHA256 provider does not support clone()", e);
        }
    }

    @Override
    public String toString() {
        return "HmacSha256[key=***]";
    }
}
