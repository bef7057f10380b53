package io.runflow.testkit;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** The installed faults, each with how many requests it still applies to. */
final class Faults {

    private static final class Active {
        final Fault fault;
        int remaining;

        Active(Fault fault) {
            this.fault = fault;
            this.remaining = fault.count();
        }
    }

    private final List<Active> active = new ArrayList<>();

    synchronized void add(Fault fault) {
        active.add(new Active(fault));
    }

    /** Takes one use of the first installed fault matching the path, or returns null. */
    synchronized Fault take(String path) {
        for (Iterator<Active> it = active.iterator(); it.hasNext(); ) {
            Active a = it.next();
            if (a.fault.matches(path)) {
                if (--a.remaining == 0) {
                    it.remove();
                }
                return a.fault;
            }
        }
        return null;
    }

    synchronized void clear() {
        active.clear();
    }
}
