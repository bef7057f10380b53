package io.runflow.testkit.internal.fake;

import io.runflow.testkit.FakeRunflowServer;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs the fake's timed work (run phases, callback attempts) when it falls due on the {@link
 * ServerClock}. Tasks run one at a time, in due order. With a background thread they also run as real
 * time passes; without one (deterministic mode) they run only inside {@link #advance(Duration)}.
 *
 * <p>A task never waits for the network: a callback attempt only starts its request and hands back
 * the future of its outcome. The background thread does not wait for those, so a receiver that never
 * answers holds up nothing. {@link #advance(Duration)} does wait for the attempts it started (at most
 * {@code settleLimit} of real time) before it moves the clock on, so that an attempt takes no server
 * time and its retry falls due exactly one backoff later, whatever the network's speed.
 */
final class Scheduler implements AutoCloseable {

    private static final long MAX_WAIT_MILLIS = 50;

    /** Timed work; returns the outcome of what it left in flight (a callback attempt), or null. */
    interface Action {
        CompletableFuture<?> run();
    }

    private record Task(Instant due, long sequence, Action action) implements Comparable<Task> {
        @Override
        public int compareTo(Task other) {
            int byDue = due.compareTo(other.due);
            return byDue != 0 ? byDue : Long.compare(sequence, other.sequence);
        }
    }

    private final ServerClock clock;
    private final Duration settleLimit;
    private final PriorityQueue<Task> queue = new PriorityQueue<>();
    private final ReentrantLock running = new ReentrantLock();
    private final Thread thread;
    private long sequence;
    private volatile boolean closed;

    Scheduler(ServerClock clock, boolean background, Duration settleLimit) {
        this.clock = clock;
        this.settleLimit = settleLimit;
        if (background) {
            thread = new Thread(this::loop, "fake-runflow-scheduler");
            thread.setDaemon(true);
            thread.start();
        } else {
            thread = null;
        }
    }

    void schedule(Duration delay, Runnable action) {
        start(delay, () -> {
            action.run();
            return null;
        });
    }

    /** Schedules work that may leave something in flight, for {@link #advance(Duration)} to wait on. */
    void start(Duration delay, Action action) {
        Instant due = clock.instant().plus(delay);
        synchronized (queue) {
            queue.add(new Task(due, sequence++, action));
            queue.notifyAll();
        }
    }

    /**
     * Moves the clock forward, running every task that falls due on the way, each at its own time.
     * Before the clock moves past an instant, waits for the attempts started at it to finish.
     */
    void advance(Duration duration) {
        List<CompletableFuture<?>> inFlight = new ArrayList<>();
        running.lock();
        try {
            Instant target = clock.instant().plus(duration);
            while (true) {
                Task task;
                synchronized (queue) {
                    Task head = queue.peek();
                    boolean due = head != null && !head.due.isAfter(target);
                    boolean movesClock = !due || head.due.isAfter(clock.instant());
                    if (movesClock && !inFlight.isEmpty()) {
                        task = null;
                    } else if (!due) {
                        break;
                    } else {
                        task = queue.poll();
                    }
                }
                if (task == null) {
                    settle(inFlight);
                    continue;
                }
                clock.advanceTo(task.due);
                CompletableFuture<?> started = run(task);
                if (started != null && !started.isDone()) {
                    inFlight.add(started);
                }
            }
            clock.advanceTo(target);
        } finally {
            running.unlock();
        }
    }

    /**
     * Waits, without holding the run lock, for the given work to finish; the background thread and
     * other callers go on meanwhile. Work still going after {@code settleLimit} is left to finish on
     * its own.
     */
    private void settle(List<CompletableFuture<?>> inFlight) {
        running.unlock();
        try {
            long deadline = System.nanoTime() + settleLimit.toNanos();
            for (CompletableFuture<?> future : inFlight) {
                try {
                    future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (ExecutionException | CancellationException | TimeoutException e) {
                    // Its outcome is recorded by the work itself; here only its end matters.
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            inFlight.clear();
            running.lock();
        }
    }

    /**
     * Runs {@code action} while no task can run, then forgets every pending task; in that order so
     * that work the action stops (a callback attempt finishing meanwhile) cannot leave a task behind.
     */
    void clear(Runnable action) {
        running.lock();
        try {
            action.run();
            synchronized (queue) {
                queue.clear();
            }
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

    private static CompletableFuture<?> run(Task task) {
        try {
            return task.action.run();
        } catch (RuntimeException | Error e) {
            System.getLogger(FakeRunflowServer.class.getName())
                    .log(Level.WARNING, "fake Runflow server task failed", e);
            return null;
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
