package io.runflow.testkit.internal.fake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The fake's own time: a base clock, sped up by a time scale, plus whatever tests added with {@link
 * #advance(Duration)}. Everything that waits inside the fake (run phases, callback retries) is due on
 * this clock, so a test that advances it drives the fake without sleeping.
 */
final class ServerClock extends Clock {

    private final Clock base;
    private final double scale;
    private final Instant origin;
    private Duration offset = Duration.ZERO;
    private Instant last = Instant.MIN;

    ServerClock(Clock base, double scale) {
        this.base = Objects.requireNonNull(base, "base");
        this.scale = scale;
        this.origin = base.instant();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }

    /** Never goes backwards, even when the base clock does. */
    @Override
    public synchronized Instant instant() {
        Duration elapsed = Duration.between(origin, base.instant());
        Instant scaled = scale == 1.0 ? origin.plus(elapsed) : origin.plusNanos((long) (elapsed.toNanos() * scale));
        Instant now = scaled.plus(offset);
        if (now.isBefore(last)) {
            now = last;
        }
        last = now;
        return now;
    }

    synchronized void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative: " + duration);
        }
        offset = offset.plus(duration);
    }

    /** Moves time forward to {@code target} if it lies in the future. */
    synchronized void advanceTo(Instant target) {
        Instant now = instant();
        if (target.isAfter(now)) {
            offset = offset.plus(Duration.between(now, target));
        }
    }

    /** Forgets every advance, back to the base clock's time. */
    synchronized void reset() {
        offset = Duration.ZERO;
        last = Instant.MIN;
    }

    /** How long the real world takes for a span of server time. */
    Duration realTime(Duration serverTime) {
        return scale == 1.0 ? serverTime : Duration.ofNanos((long) (serverTime.toNanos() / scale));
    }
}
