package io.runflow.testkit.internal.fake;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/** Scripted outcomes: one-shot ones for the next runs, then sticky ones per model, else success. */
final class Outcomes {

    private final Deque<ScriptedOutcome> next = new ArrayDeque<>();
    private final Map<String, ScriptedOutcome> byModel = new HashMap<>();

    synchronized void onNextRun(ScriptedOutcome outcome) {
        next.add(outcome);
    }

    synchronized void onModel(String model, ScriptedOutcome outcome) {
        byModel.put(model, outcome);
    }

    synchronized ScriptedOutcome take(String model) {
        ScriptedOutcome one = next.poll();
        if (one != null) {
            return one;
        }
        return byModel.getOrDefault(model, ScriptedOutcome.SUCCEED);
    }

    synchronized void clear() {
        next.clear();
        byModel.clear();
    }
}
