package io.runflow;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A scheduler on virtual time: {@link #schedule} records the delay; {@link #runNext()} moves the
 * clock to the earliest task's time and runs it on the calling thread. Tests assert the delays and
 * never sleep.
 */
final class ManualScheduler extends AbstractExecutorService implements ScheduledExecutorService {

    private final MutableClock clock;
    private final PriorityQueue<Task> queue = new PriorityQueue<>();
    private final List<Duration> delays = new ArrayList<>();
    private final AtomicLong sequence = new AtomicLong();
    private boolean shutdown;
    private Runnable afterNextSchedule;

    ManualScheduler(MutableClock clock) {
        this.clock = clock;
    }

    /** Every delay asked for, in order, cancelled tasks included. */
    synchronized List<Duration> delays() {
        return List.copyOf(delays);
    }

    synchronized int pending() {
        return (int) queue.stream().filter(task -> !task.isCancelled()).count();
    }

    /** Runs the earliest live task, moving the clock to its time; false if none is left. */
    boolean runNext() {
        Task task;
        synchronized (this) {
            do {
                task = queue.poll();
            } while (task != null && task.isCancelled());
            if (task == null) {
                return false;
            }
            if (task.due.isAfter(clock.instant())) {
                clock.set(task.due);
            }
        }
        task.run();
        return true;
    }

    /** Runs tasks until none is left or {@code limit} have run; returns how many ran. */
    int runAll(int limit) {
        int ran = 0;
        while (ran < limit && runNext()) {
            ran++;
        }
        return ran;
    }

    /**
     * Runs {@code hook} once, right after the next task is queued and before {@link #schedule}
     * returns it: what another thread could do between a scheduling and its caller storing the task.
     */
    synchronized void afterNextSchedule(Runnable hook) {
        afterNextSchedule = hook;
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        Task task;
        Runnable hook;
        synchronized (this) {
            if (shutdown) {
                throw new java.util.concurrent.RejectedExecutionException("shut down");
            }
            Duration duration = Duration.ofNanos(unit.toNanos(delay));
            delays.add(duration);
            task = new Task(command, clock.instant().plus(duration), sequence.incrementAndGet());
            queue.add(task);
            hook = afterNextSchedule;
            afterNextSchedule = null;
        }
        if (hook != null) {
            hook.run();
        }
        return task;
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public synchronized void shutdown() {
        shutdown = true;
    }

    @Override
    public synchronized List<Runnable> shutdownNow() {
        shutdown = true;
        queue.clear();
        return List.of();
    }

    @Override
    public synchronized boolean isShutdown() {
        return shutdown;
    }

    @Override
    public synchronized boolean isTerminated() {
        return shutdown;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return true;
    }

    @Override
    public void execute(Runnable command) {
        command.run();
    }

    private final class Task implements ScheduledFuture<Object>, Comparable<Delayed> {
        private final Runnable command;
        private final Instant due;
        private final long order;
        private volatile boolean cancelled;
        private volatile boolean done;

        Task(Runnable command, Instant due, long order) {
            this.command = command;
            this.due = due;
            this.order = order;
        }

        void run() {
            if (!cancelled) {
                command.run();
                done = true;
            }
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(Duration.between(clock.instant(), due));
        }

        @Override
        public int compareTo(Delayed other) {
            Task that = (Task) other;
            int byTime = due.compareTo(that.due);
            return byTime != 0 ? byTime : Long.compare(order, that.order);
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            cancelled = true;
            return !done;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public boolean isDone() {
            return done || cancelled;
        }

        @Override
        public Object get() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Object get(long timeout, TimeUnit unit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(order);
        }
    }
}
