package io.runflow;

import io.runflow.model.Batch;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The batch waits in progress, by batch id, so that a batch callback can complete them. */
final class PendingBatchWaits {

    private final ConcurrentHashMap<String, Set<BatchWaiter>> byBatch = new ConcurrentHashMap<>();

    void add(BatchWaiter waiter) {
        byBatch.compute(waiter.batchId(), (id, waiters) -> {
            Set<BatchWaiter> set = waiters == null ? ConcurrentHashMap.newKeySet() : waiters;
            set.add(waiter);
            return set;
        });
        waiter.future().whenComplete((batch, failure) -> remove(waiter));
    }

    void closeAll() {
        for (Set<BatchWaiter> waiters : byBatch.values()) {
            for (BatchWaiter waiter : waiters) {
                waiter.close();
            }
        }
    }

    /** Offers a state of a batch to every wait on it; returns how many it completed. */
    int offer(Batch batch) {
        Set<BatchWaiter> waiters = byBatch.get(batch.id());
        if (waiters == null) {
            return 0;
        }
        int completed = 0;
        for (BatchWaiter waiter : waiters) {
            if (!waiter.future().isDone() && waiter.settle(batch)) {
                completed++;
            }
        }
        return completed;
    }

    int size() {
        return byBatch.values().stream().mapToInt(Set::size).sum();
    }

    private void remove(BatchWaiter waiter) {
        byBatch.computeIfPresent(waiter.batchId(), (id, waiters) -> {
            waiters.remove(waiter);
            return waiters.isEmpty() ? null : waiters;
        });
    }
}
