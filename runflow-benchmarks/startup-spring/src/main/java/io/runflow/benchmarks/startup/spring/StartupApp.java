package io.runflow.benchmarks.startup.spring;

import java.lang.management.ManagementFactory;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * P5's Spring Boot app: a servlet web app with the actuator and one endpoint, never naming Runflow.
 * Started once per fresh JVM, with or without runflow-spring-boot-starter on the class path; prints
 * how long {@code SpringApplication.run} took and exits.
 */
@SpringBootApplication
@RestController
public class StartupApp {

    /** Classes the JVM had loaded when the last {@link #startAndStop} had its context running. */
    private static long classesAtStart;

    /** CPU time of the starting thread over the last {@link #startAndStop}'s start, in nanoseconds. */
    private static long startCpuNanos;

    /** The app's one endpoint. */
    @GetMapping("/hello")
    String hello() {
        return "hello";
    }

    /**
     * Starts the context (web server on a free loopback port), prints {@code classes=<n>} (classes loaded
     * by then), {@code context-cpu-ns=<n>} (the starting thread's CPU time over the start) and {@code
     * context-ns=<n>} (how long the start took) and exits.
     *
     * @param args passed to Spring Boot
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
     * @param args passed to Spring Boot
     * @return nanoseconds from the call to a running context
     */
    static long startAndStop(String... args) {
        long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        long start = System.nanoTime();
        ConfigurableApplicationContext context = start(args);
        long elapsed = System.nanoTime() - start;
        startCpuNanos = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu;
        classesAtStart = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
        context.close();
        return elapsed;
    }

    /**
     * Starts the context.
     *
     * @param args passed to Spring Boot
     * @return the running context
     */
    static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(StartupApp.class)
                .logStartupInfo(false)
                .properties(
                        "server.port=0",
                        "server.address=127.0.0.1",
                        "spring.main.banner-mode=off",
                        "logging.level.root=warn",
                        // Read only when the starter is there: every part of it switched on.
                        "runflow.api-key=rf_startup_benchmark",
                        "runflow.base-url=http://127.0.0.1:9/v1",
                        "runflow.webhook.secrets=whsec_startup_benchmark")
                .run(args);
    }
}
