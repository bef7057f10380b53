package io.runflow;

import io.runflow.model.Run;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The waits in progress, by run id, so that a callback can complete every wait on its run. */
final class PendingWaits {

    private final ConcurrentHashMap<String, Set<RunWaiter>> byRun = new ConcurrentHashMap<>();

    void add(RunWaiter waiter) {
        // Look up and add in one atomic step: a concurrent remove() must not drop the set in between.
        byRun.compute(waiter.runId(), (id, waiters) -> {
            Set<RunWaiter> set = waiters == null ? ConcurrentHashMap.newKeySet() : waiters;
            set.add(waiter);
            return set;
        });
        waiter.future().whenComplete((run, failure) -> remove(waiter));
    }

    /** Ends every wait in progress, because the client is closing. */
    void closeAll() {
        for (Set<RunWaiter> waiters : byRun.values()) {
            for (RunWaiter waiter : waiters) {
                waiter.close();
            }
        }
    }

    /**
     * Offers a state of a run to every wait on it.
     *
     * @return how many waits it completed
     */
    int offer(Run run) {
        Set<RunWaiter> waiters = byRun.get(run.id());
        if (waiters == null) {
            return 0;
        }
        int completed = 0;
        for (RunWaiter waiter : waiters) {
            // settle, not offer: count only the waits this state completed, not those a concurrent poll
            // completed between the isDone check and here.
            if (!waiter.future().isDone() && waiter.settle(run)) {
                completed++;
            }
        }
        return completed;
    }

    /**
     * Counts the waits not yet complete. A completed wait leaves the map in a completion callback that
     * may run after the caller has already seen the future complete, so completed ones are skipped.
     */
    int size() {
        int pending = 0;
        for (Set<RunWaiter> waiters : byRun.values()) {
            for (RunWaiter waiter : waiters) {
                if (!waiter.future().isDone()) {
                    pending++;
                }
            }
        }
        return pending;
    }

    private void remove(RunWaiter waiter) {
        byRun.computeIfPresent(waiter.runId(), (id, waiters) -> {
            waiters.remove(waiter);
            return waiters.isEmpty() ? null : waiters;
        });
    }
}
