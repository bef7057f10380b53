package io.runflow.testkit;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs the fake's timed work (run phases, callback attempts) when it falls due on the {@link
 * ServerClock}. Tasks run one at a time, in due order. With a background thread they also run as real
 * time passes; without one (deterministic mode) they run only inside {@link #advance(Duration)}.
 */
final class Scheduler implements AutoCloseable {

    private static final long MAX_WAIT_MILLIS = 50;

    private record Task(Instant due, long sequence, Runnable action) implements Comparable<Task> {
        @Override
        public int compareTo(Task other) {
            int byDue = due.compareTo(other.due);
            return byDue != 0 ? byDue : Long.compare(sequence, other.sequence);
        }
    }

    private final ServerClock clock;
    private final PriorityQueue<Task> queue = new PriorityQueue<>();
    private final ReentrantLock running = new ReentrantLock();
    private final Thread thread;
    private long sequence;
    private volatile boolean closed;

    Scheduler(ServerClock clock, boolean background) {
        this.clock = clock;
        if (background) {
            thread = new Thread(this::loop, "fake-runflow-scheduler");
            thread.setDaemon(true);
            thread.start();
        } else {
            thread = null;
        }
    }

    void schedule(Duration delay, Runnable action) {
        Instant due = clock.instant().plus(delay);
        synchronized (queue) {
            queue.add(new Task(due, sequence++, action));
            queue.notifyAll();
        }
    }

    /** Moves the clock forward, running every task that falls due on the way, each at its own time. */
    void advance(Duration duration) {
        running.lock();
        try {
            Instant target = clock.instant().plus(duration);
            while (true) {
                Task task;
                synchronized (queue) {
                    task = queue.peek();
                    if (task == null || task.due.isAfter(target)) {
                        break;
                    }
                    queue.poll();
                }
                clock.advanceTo(task.due);
                run(task);
            }
            clock.advanceTo(target);
        } finally {
            running.unlock();
        }
    }

    /** Forgets every pending task and runs {@code action} while no task can run. */
    void clear(Runnable action) {
        running.lock();
        try {
            synchronized (queue) {
                queue.clear();
            }
            action.run();
        } finally {
            running.unlock();
        }
    }

    int pending() {
        synchronized (queue) {
            return queue.size();
        }
    }

    private void runDue() {
        running.lock();
        try {
            while (true) {
                Task task;
                synchronized (queue) {
                    task = queue.peek();
                    if (task == null || task.due.isAfter(clock.instant())) {
                        return;
                    }
                    queue.poll();
                }
                run(task);
            }
        } finally {
            running.unlock();
        }
    }

    private void loop() {
        while (!closed) {
            try {
                synchronized (queue) {
                    Task head = queue.peek();
                    Instant now = clock.instant();
                    if (head == null) {
                        queue.wait(MAX_WAIT_MILLIS);
                        continue;
                    }
                    if (head.due.isAfter(now)) {
                        long millis =
                                clock.realTime(Duration.between(now, head.due)).toMillis();
                        queue.wait(Math.max(1, Math.min(millis, MAX_WAIT_MILLIS)));
                        continue;
                    }
                }
                runDue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void run(Task task) {
        try {
            task.action.run();
        } catch (RuntimeException | Error e) {
            System.getLogger(FakeRunflowServer.class.getName())
                    .log(Level.WARNING, "fake Runflow server task failed", e);
        }
    }

    @Override
    public void close() {
        closed = true;
        if (thread != null) {
            thread.interrupt();
        }
    }
}
