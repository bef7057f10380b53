package io.runflow.testkit.internal.http;

import io.runflow.testkit.RecordedRequest;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;

/**
 * Every request received, for {@code requests()} and {@code takeRequest()}, up to a capacity: past
 * it the oldest are forgotten, so a long benchmark or standalone run does not grow without bound.
 */
public final class Journal {

    private final int capacity;
    private final ArrayDeque<RecordedRequest> all = new ArrayDeque<>();
    private final LinkedBlockingDeque<RecordedRequest> untaken = new LinkedBlockingDeque<>();
    private long sequence;

    public Journal(int capacity) {
        this.capacity = capacity;
    }

    synchronized long nextSequence() {
        return ++sequence;
    }

    void record(RecordedRequest request) {
        synchronized (this) {
            all.add(request);
            if (all.size() > capacity) {
                all.removeFirst();
            }
            untaken.add(request);
            if (untaken.size() > capacity) {
                untaken.pollFirst();
            }
        }
    }

    public synchronized List<RecordedRequest> all() {
        return List.copyOf(all);
    }

    public RecordedRequest take(Duration timeout) {
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

    public synchronized void clear() {
        all.clear();
        untaken.clear();
        sequence = 0;
    }
}
