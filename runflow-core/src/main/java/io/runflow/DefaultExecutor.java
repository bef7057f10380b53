package io.runflow;

import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The executor a client makes when the builder is given none: a virtual thread per task on JDK 21
 * and later, where a blocking HTTP call costs no platform thread; on JDK 17, a pool of at most
 * {@value #MAX_POOL_THREADS} daemon threads that time out when idle, further tasks queued. Never the
 * common pool, which parallel streams and other libraries share.
 */
final class DefaultExecutor {

    /** JDK 17's bound: enough blocking calls in flight for most services, not a thread per task. */
    static final int MAX_POOL_THREADS = 64;

    private DefaultExecutor() {}

    /**
     * Makes the executor; the client owns it and shuts it down on close.
     *
     * @return the executor
     */
    static ExecutorService create() {
        ExecutorService virtual = virtualThreadPerTask();
        return virtual != null ? virtual : boundedPool();
    }

    /**
     * {@code Executors.newVirtualThreadPerTaskExecutor()}, looked up because the SDK is compiled for
     * JDK 17 (the native-image metadata of runflow-core declares the look-up).
     */
    static ExecutorService virtualThreadPerTask() {
        try {
            return (ExecutorService)
                    Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
        } catch (NoSuchMethodException e) {
            return null;
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot create a virtual-thread-per-task executor", e);
        }
    }

    static ExecutorService boundedPool() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(
                MAX_POOL_THREADS,
                MAX_POOL_THREADS,
                60,
                TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(),
                daemon("runflow-io-"));
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    static ThreadFactory daemon(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
