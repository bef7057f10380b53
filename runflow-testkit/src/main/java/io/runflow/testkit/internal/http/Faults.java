package io.runflow.testkit.internal.http;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** The installed faults, each with how many requests it still applies to. Not public API. */
public final class Faults {

    private static final class Active {
        final FaultRule rule;
        int remaining;

        Active(FaultRule rule) {
            this.rule = rule;
            this.remaining = rule.times();
        }
    }

    private final List<Active> active = new ArrayList<>();

    /**
     * Installs a fault after those already installed.
     *
     * @param rule the fault
     */
    public synchronized void add(FaultRule rule) {
        active.add(new Active(rule));
    }

    /** Takes one use of the first installed fault matching the path, or returns null. */
    synchronized FaultRule take(String path) {
        for (Iterator<Active> it = active.iterator(); it.hasNext(); ) {
            Active a = it.next();
            if (a.rule.matches(path)) {
                if (--a.remaining == 0) {
                    it.remove();
                }
                return a.rule;
            }
        }
        return null;
    }

    /** Removes every installed fault. */
    public synchronized void clear() {
        active.clear();
    }
}
