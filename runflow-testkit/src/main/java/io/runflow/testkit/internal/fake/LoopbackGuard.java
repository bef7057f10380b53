package io.runflow.testkit.internal.fake;

import java.net.URI;
import java.util.Locale;

/**
 * Decides which callback URLs the fake may call. By default only loopback ones, so a test that
 * leaks a real URL into {@code callback_url} never sends a signed body off the machine. While the
 * receiving end is blocked ({@link #blockUntil}, the control API's {@code callbacks/block}) no URL
 * is called: each attempt fails as a refused connection would, and is retried on the schedule.
 */
final class LoopbackGuard {

    private final boolean allowRemote;
    private final java.time.Clock clock;
    private volatile java.time.Instant blockedUntil;

    LoopbackGuard(boolean allowRemote) {
        this(allowRemote, java.time.Clock.systemUTC());
    }

    LoopbackGuard(boolean allowRemote, java.time.Clock clock) {
        this.allowRemote = allowRemote;
        this.clock = clock;
    }

    /** Makes every callback URL unreachable until {@code until} (server time); {@code null} lifts it. */
    void blockUntil(java.time.Instant until) {
        blockedUntil = until;
    }

    /** Returns why the URL must not be called (recorded as the attempt's error), or null when it may. */
    String refusal(URI uri) {
        java.time.Instant until = blockedUntil;
        if (until != null && clock.instant().isBefore(until)) {
            return "connection refused: the receiving end is blocked until " + until;
        }
        if (allowRemote || isLoopback(uri.getHost())) {
            return null;
        }
        return "not sent: " + uri.getHost() + " is not a loopback host (enable allowNonLoopbackCallbacks to send it)";
    }

    /**
     * Tells whether a URI host is loopback by its text alone, never through DNS: {@code localhost}, a
     * dotted-quad IPv4 literal in 127.0.0.0/8, or the IPv6 literal {@code [::1]}. A name such as
     * {@code 127.attacker.example} is not.
     */
    static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("[::1]") || h.equals("[0:0:0:0:0:0:0:1]") || isLoopbackIpv4(h);
    }

    private static boolean isLoopbackIpv4(String host) {
        String[] octets = host.split("\\.", -1);
        if (octets.length != 4 || !octets[0].equals("127")) {
            return false;
        }
        for (String octet : octets) {
            if (octet.isEmpty() || octet.length() > 3 || !octet.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return false;
            }
            if (Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }
}
