package io.runflow.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A {@link ScheduledExecutorService} for a client's polls that waits in server time: a task due in
 * 2 s runs as soon as the worker reaches it, after moving the server's clock forward to its due time.
 * So a client's wait for a run that takes minutes of server time ends in milliseconds, and the run
 * has really moved on when the poll arrives. One worker thread runs the tasks in arrival order.
 */
final class VirtualScheduler extends AbstractExecutorService implements ScheduledExecutorService {

    private final class Task<V> extends FutureTask<V> implements ScheduledFuture<V> {
        final Instant due;

        Task(Callable<V> callable, Instant due) {
            super(callable);
            this.due = due;
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
    private final LinkedBlockingQueue<Task<?>> queue = new LinkedBlockingQueue<>();
    private final Thread worker;
    private volatile boolean shutdown;

    VirtualScheduler(java.util.function.Supplier<Instant> clock, Consumer<Duration> advance) {
        this.clock = clock;
        this.advance = advance;
        this.worker = new Thread(this::work, "fake-runflow-client-scheduler");
        this.worker.setDaemon(true);
        this.worker.start();
    }

    private void work() {
        while (!shutdown) {
            Task<?> task;
            try {
                task = queue.take();
            } catch (InterruptedException e) {
                return;
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
        if (shutdown) {
            throw new RejectedExecutionException("scheduler is shut down");
        }
        Task<V> task = new Task<>(callable, clock.get().plusNanos(Math.max(0, unit.toNanos(delay))));
        queue.add(task);
        return task;
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
        List<Runnable> pending = new ArrayList<>(queue);
        queue.clear();
        return pending;
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
