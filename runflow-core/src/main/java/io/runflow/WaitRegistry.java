package io.runflow;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The waits in progress on one kind of resource, by id, so that a callback can complete every wait
 * on the resource it is about. A wait leaves when its future completes, however it completes.
 *
 * @param <T> the state of the resource waited for
 */
class WaitRegistry<T> {

    private final ConcurrentHashMap<String, Set<PollingWait<T>>> byId = new ConcurrentHashMap<>();
    private final Function<? super T, String> idOf;

    /** @param idOf reads from a state (a callback's) the id of the resource it is about */
    WaitRegistry(Function<? super T, String> idOf) {
        this.idOf = idOf;
    }

    final void add(PollingWait<T> wait) {
        // Look up and add in one atomic step: a concurrent remove() must not drop the set in between.
        byId.compute(wait.id(), (id, waits) -> {
            Set<PollingWait<T>> set = waits == null ? ConcurrentHashMap.newKeySet() : waits;
            set.add(wait);
            return set;
        });
        wait.future().whenComplete((state, failure) -> remove(wait));
    }

    /** Ends every wait in progress, because the client is closing. */
    final void closeAll() {
        for (Set<PollingWait<T>> waits : byId.values()) {
            for (PollingWait<T> wait : waits) {
                wait.close();
            }
        }
    }

    /**
     * Offers a state to every wait on its resource.
     *
     * @return how many waits it completed
     */
    final int offer(T state) {
        Set<PollingWait<T>> waits = byId.get(idOf.apply(state));
        if (waits == null) {
            return 0;
        }
        int completed = 0;
        for (PollingWait<T> wait : waits) {
            // settle, not offer: count only the waits this state completed, not those a concurrent poll
            // completed between the isDone check and here.
            if (!wait.future().isDone() && wait.settle(state)) {
                completed++;
            }
        }
        return completed;
    }

    /**
     * Counts the waits not yet complete. A completed wait leaves the map in a completion callback that
     * may run after the caller has already seen the future complete, so completed ones are skipped.
     */
    final int size() {
        int pending = 0;
        for (Set<PollingWait<T>> waits : byId.values()) {
            for (PollingWait<T> wait : waits) {
                if (!wait.future().isDone()) {
                    pending++;
                }
            }
        }
        return pending;
    }

    /** The ids with a wait in progress, a snapshot. */
    final Set<String> ids() {
        return Set.copyOf(byId.keySet());
    }

    private void remove(PollingWait<T> wait) {
        byId.computeIfPresent(wait.id(), (id, waits) -> {
            waits.remove(wait);
            return waits.isEmpty() ? null : waits;
        });
    }
}
