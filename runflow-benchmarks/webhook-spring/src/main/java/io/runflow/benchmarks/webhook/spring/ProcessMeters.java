package io.runflow.benchmarks.webhook.spring;

import java.lang.management.ManagementFactory;

/**
 * Figures of this whole JVM (client, Tomcat, the SDK) that the machine's load does not move much:
 * bytes allocated by all live threads, and process CPU time. The database's processes are not in them.
 */
final class ProcessMeters {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean SYSTEM =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private ProcessMeters() {}

    /** Bytes allocated so far by the threads alive now (Tomcat's pooled workers live through a round). */
    static long allocatedBytes() {
        long total = 0;
        for (long bytes : THREADS.getThreadAllocatedBytes(THREADS.getAllThreadIds())) {
            if (bytes > 0) {
                total += bytes;
            }
        }
        return total;
    }

    static long cpuNanos() {
        return SYSTEM.getProcessCpuTime();
    }
}
