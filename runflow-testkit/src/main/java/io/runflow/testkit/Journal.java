package io.runflow.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;

/** Every request received, for {@code requests()} and {@code takeRequest()}. */
final class Journal {

    private final List<RecordedRequest> all = new ArrayList<>();
    private final LinkedBlockingDeque<RecordedRequest> untaken = new LinkedBlockingDeque<>();
    private long sequence;

    synchronized long nextSequence() {
        return ++sequence;
    }

    void record(RecordedRequest request) {
        synchronized (this) {
            all.add(request);
        }
        untaken.add(request);
    }

    synchronized List<RecordedRequest> all() {
        return List.copyOf(all);
    }

    RecordedRequest take(Duration timeout) {
        try {
            RecordedRequest r = untaken.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
            if (r == null) {
                throw new IllegalStateException("no request arrived within " + timeout);
            }
            return r;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a request", e);
        }
    }

    synchronized void clear() {
        all.clear();
        untaken.clear();
        sequence = 0;
    }
}
