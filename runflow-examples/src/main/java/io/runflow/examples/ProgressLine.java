package io.runflow.examples;

import io.runflow.model.Run;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Shows a run's statuses as they change: on one updating line in a terminal, or one plain line per
 * status when the output is a file or a pipe (CI logs, tests).
 */
final class ProgressLine {

    private final PrintStream out;
    private final boolean terminal;
    private final Clock clock;
    private final Instant start;
    private final StringBuilder trail = new StringBuilder();

    ProgressLine(PrintStream out, boolean terminal, Clock clock) {
        this.out = out;
        this.terminal = terminal;
        this.clock = clock;
        this.start = clock.instant();
    }

    synchronized void update(Run run) {
        if (trail.length() > 0) {
            trail.append(" → ");
        }
        trail.append(run.statusCode());
        String elapsed = seconds(Duration.between(start, clock.instant()));
        if (terminal) {
            // \r goes back to the line's start, ESC[K clears what the last update left.
            out.print("\r\u001b[Kstatus: " + trail + " (" + elapsed + ")");
            out.flush();
        } else {
            out.println("status: " + run.statusCode() + " (" + elapsed + ")");
        }
    }

    synchronized void finish() {
        if (terminal && trail.length() > 0) {
            out.println();
        }
    }

    static String seconds(Duration duration) {
        return String.format(java.util.Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
