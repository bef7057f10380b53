package io.runflow;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The waits in progress on one kind of resource, by id, so that a callback can complete every wait
 * on the resource it is about. A wait leaves when its future completes, however it completes.
 *
 * <p>Almost every resource has one wait: the map holds that wait itself, and only a second wait on the
 * same id makes a set for them. A set per wait (a {@code ConcurrentHashMap} key set with its table)
 * cost about 210 bytes of each pending wait's heap.
 *
 * @param <T> the state of the resource waited for
 */
class WaitRegistry<T> {

    /** By id: the one {@link PollingWait} on it, or a concurrent {@code Set} of them when there are several. */
    private final ConcurrentHashMap<String, Object> byId = new ConcurrentHashMap<>();

    private final Function<? super T, String> idOf;

    /** @param idOf reads from a state (a callback's) the id of the resource it is about */
    WaitRegistry(Function<? super T, String> idOf) {
        this.idOf = idOf;
    }

    final void add(PollingWait<T> wait) {
        // The wait removes itself when its future completes (one completion action for all it does).
        wait.registeredIn(this);
        // Look up and add in one atomic step: a concurrent remove() must not drop the set in between.
        byId.compute(wait.id(), (id, waits) -> {
            if (waits == null || waits == wait) {
                return wait;
            }
            Set<PollingWait<T>> set = waits instanceof PollingWait ? newSet(waits) : setOf(waits);
            set.add(wait);
            return set;
        });
        if (wait.future().isDone()) {
            // Completed before it was in the map: its completion's remove() found nothing to remove.
            remove(wait);
        }
    }

    /** Ends every wait in progress, because the client is closing. */
    final void closeAll() {
        for (Object waits : byId.values()) {
            forEach(waits, PollingWait::close);
        }
    }

    /**
     * Offers a state to every wait on its resource.
     *
     * @return how many waits it completed
     */
    final int offer(T state) {
        Object waits = byId.get(idOf.apply(state));
        if (waits == null) {
            return 0;
        }
        int[] completed = {0};
        forEach(waits, wait -> {
            // settle, not offer: count only the waits this state completed, not those a concurrent poll
            // completed between the isDone check and here.
            if (!wait.future().isDone() && wait.settle(state)) {
                completed[0]++;
            }
        });
        return completed[0];
    }

    /**
     * Counts the waits not yet complete. A completed wait leaves the map in a completion callback that
     * may run after the caller has already seen the future complete, so completed ones are skipped.
     */
    final int size() {
        int[] pending = {0};
        for (Object waits : byId.values()) {
            forEach(waits, wait -> {
                if (!wait.future().isDone()) {
                    pending[0]++;
                }
            });
        }
        return pending[0];
    }

    /** The ids with a wait in progress, a snapshot. */
    final Set<String> ids() {
        return Set.copyOf(byId.keySet());
    }

    /** Takes a wait out, from its future's completion. */
    final void remove(PollingWait<T> wait) {
        byId.computeIfPresent(wait.id(), (id, waits) -> {
            if (waits == wait) {
                return null;
            } else if (waits instanceof PollingWait) {
                return waits; // another wait on the same id
            }
            Set<PollingWait<T>> set = setOf(waits);
            set.remove(wait);
            return set.isEmpty() ? null : set;
        });
    }

    @SuppressWarnings("unchecked")
    private void forEach(Object waits, Consumer<PollingWait<T>> action) {
        if (waits instanceof PollingWait) {
            action.accept((PollingWait<T>) waits);
        } else {
            WaitRegistry.<T>setOf(waits).forEach(action);
        }
    }

    @SuppressWarnings("unchecked")
    private Set<PollingWait<T>> newSet(Object single) {
        Set<PollingWait<T>> set = ConcurrentHashMap.newKeySet();
        set.add((PollingWait<T>) single);
        return set;
    }

    @SuppressWarnings("unchecked")
    private static <T> Set<PollingWait<T>> setOf(Object waits) {
        return (Set<PollingWait<T>>) waits;
    }
}
