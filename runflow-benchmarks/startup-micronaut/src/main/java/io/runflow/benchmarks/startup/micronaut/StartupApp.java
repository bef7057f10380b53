package io.runflow.benchmarks.startup.micronaut;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.runtime.Micronaut;
import java.lang.management.ManagementFactory;
import java.util.Map;

/**
 * P5's Micronaut app: a Netty HTTP app with the management endpoints and one controller, never
 * naming Runflow. Started once per fresh JVM, with or without runflow-micronaut on the class path;
 * prints how long {@code Micronaut.run} took and exits.
 */
@Controller("/hello")
public class StartupApp {

    /** Classes the JVM had loaded when the last {@link #startAndStop} had its context running. */
    private static long classesAtStart;

    /** CPU time of the starting thread over the last {@link #startAndStop}'s start, in nanoseconds. */
    private static long startCpuNanos;

    /**
     * The app's one endpoint.
     *
     * @return a greeting
     */
    @Get
    public String hello() {
        return "hello";
    }

    /**
     * Starts the context (HTTP server on a free loopback port), prints {@code classes=<n>} (classes loaded
     * by then), {@code context-cpu-ns=<n>} (the starting thread's CPU time over the start) and {@code
     * context-ns=<n>} (how long the start took) and exits.
     *
     * @param args passed to Micronaut
     */
    public static void main(String[] args) {
        long elapsed = startAndStop(args);
        // Classes loaded by the time the context was running (counted before it was closed).
        System.out.println("classes=" + classesAtStart);
        System.out.println("context-cpu-ns=" + startCpuNanos);
        System.out.println("context-ns=" + elapsed);
        System.exit(0);
    }

    /**
     * Starts the context, stops it again, and returns how long the start took.
     *
     * @param args passed to Micronaut
     * @return nanoseconds from the call to a running context
     */
    static long startAndStop(String... args) {
        long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        long start = System.nanoTime();
        ApplicationContext context = start(args);
        long elapsed = System.nanoTime() - start;
        startCpuNanos = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu;
        classesAtStart = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
        context.close();
        return elapsed;
    }

    /**
     * Starts the context.
     *
     * @param args passed to Micronaut
     * @return the running context
     */
    static ApplicationContext start(String... args) {
        return Micronaut.build(args)
                .mainClass(StartupApp.class)
                .banner(false)
                .properties(Map.of(
                        "micronaut.server.port", "-1",
                        "micronaut.server.host", "127.0.0.1",
                        // Read only when the module is there: every part of it switched on.
                        "runflow.api-key", "rf_startup_benchmark",
                        "runflow.base-url", "http://127.0.0.1:9/v1",
                        "runflow.webhook.secrets", "whsec_startup_benchmark"))
                .start();
    }
}
