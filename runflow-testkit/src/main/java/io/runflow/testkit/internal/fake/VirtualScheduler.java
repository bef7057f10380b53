package io.runflow.testkit.internal.fake;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * A {@link ScheduledExecutorService} for a client's polls that waits in server time: a task due in
 * 2 s runs as soon as the worker reaches it, after moving the server's clock forward to its due time.
 * So a client's wait for a run that takes minutes of server time ends in milliseconds, and the run
 * has really moved on when the poll arrives. One worker thread runs the tasks in due order (in
 * arrival order when due together): a task due in 1 s runs before one due in 3 min, whichever came
 * first.
 */
final class VirtualScheduler extends AbstractExecutorService implements ScheduledExecutorService {

    private final class Task<V> extends FutureTask<V> implements ScheduledFuture<V> {
        final Instant due;
        final long sequence;

        Task(Callable<V> callable, Instant due, long sequence) {
            super(callable);
            this.due = due;
            this.sequence = sequence;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(Duration.between(clock.get(), due));
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
        }
    }

    private final java.util.function.Supplier<Instant> clock;
    private final Consumer<Duration> advance;
    private final PriorityQueue<Task<?>> queue = new PriorityQueue<>(
            Comparator.<Task<?>, Instant>comparing(t -> t.due).thenComparingLong(t -> t.sequence));
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition added = lock.newCondition();
    private final Thread worker;
    private long sequence;
    private volatile boolean shutdown;

    VirtualScheduler(java.util.function.Supplier<Instant> clock, Consumer<Duration> advance) {
        this.clock = clock;
        this.advance = advance;
        this.worker = new Thread(this::work, "fake-runflow-client-scheduler");
        this.worker.setDaemon(true);
        this.worker.start();
    }

    private void work() {
        while (true) {
            Task<?> task;
            lock.lock();
            try {
                while (!shutdown && queue.isEmpty()) {
                    added.await();
                }
                if (shutdown) {
                    return;
                }
                task = queue.poll();
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
            if (task.isCancelled()) {
                continue;
            }
            Duration wait = Duration.between(clock.get(), task.due);
            if (!wait.isNegative() && !wait.isZero()) {
                advance.accept(wait);
            }
            task.run();
        }
    }

    private <V> Task<V> enqueue(Callable<V> callable, long delay, TimeUnit unit) {
        Instant due = clock.get().plusNanos(Math.max(0, unit.toNanos(delay)));
        lock.lock();
        try {
            if (shutdown) {
                throw new RejectedExecutionException("scheduler is shut down");
            }
            Task<V> task = new Task<>(callable, due, sequence++);
            queue.add(task);
            added.signalAll();
            return task;
        } finally {
            lock.unlock();
        }
    }

    /** Cancels every task not started yet: a reset server owes nothing to the previous test. */
    void clear() {
        lock.lock();
        try {
            queue.forEach(task -> task.cancel(false));
            queue.clear();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return enqueue(
                () -> {
                    command.run();
                    return null;
                },
                delay,
                unit);
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        return enqueue(callable, delay, unit);
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        throw new UnsupportedOperationException("periodic tasks are not supported by the fake's client scheduler");
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException("periodic tasks are not supported by the fake's client scheduler");
    }

    @Override
    public void execute(Runnable command) {
        schedule(command, 0, TimeUnit.NANOSECONDS);
    }

    @Override
    public void shutdown() {
        shutdown = true;
        worker.interrupt();
    }

    @Override
    public List<Runnable> shutdownNow() {
        shutdown();
        lock.lock();
        try {
            List<Runnable> pending = new ArrayList<>(queue);
            queue.clear();
            return pending;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean isShutdown() {
        return shutdown;
    }

    @Override
    public boolean isTerminated() {
        return shutdown && !worker.isAlive();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        worker.join(Math.max(1, unit.toMillis(timeout)));
        return !worker.isAlive();
    }
}
