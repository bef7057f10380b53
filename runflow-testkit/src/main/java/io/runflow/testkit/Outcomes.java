package io.runflow.testkit;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/** Scripted outcomes: one-shot ones for the next runs, then sticky ones per model, else success. */
final class Outcomes {

    private final Deque<Outcome> next = new ArrayDeque<>();
    private final Map<String, Outcome> byModel = new HashMap<>();

    synchronized void onNextRun(Outcome outcome) {
        next.add(outcome);
    }

    synchronized void onModel(String model, Outcome outcome) {
        byModel.put(model, outcome);
    }

    synchronized Outcome take(String model) {
        Outcome one = next.poll();
        if (one != null) {
            return one;
        }
        return byModel.getOrDefault(model, Outcome.succeed());
    }

    synchronized void clear() {
        next.clear();
        byModel.clear();
    }
}
