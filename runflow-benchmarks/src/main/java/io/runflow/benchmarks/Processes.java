package io.runflow.benchmarks;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The whole-process launcher: fresh JVMs with a class path of only what the child needs, timed from
 * {@link ProcessBuilder#start()} to the first {@code 200} on loopback (P3) or read for the figures
 * they print (P4). No external tool is involved.
 */
final class Processes {

    /** The servers of P3 and the jars (by file-name prefix) each child needs besides this module. */
    enum Server {
        FAKE("fake", FakeServerMain.class, "runflow-testkit-", "runflow-core-", "jackson-"),
        JDK("jdk", JdkServerMain.class),
        WIREMOCK("wiremock", WireMockMain.class, "wiremock-standalone-"),
        MOCKWEBSERVER(
                "mockwebserver",
                MockWebServerMain.class,
                "mockwebserver3-",
                "okhttp-",
                "okio-",
                "kotlin-stdlib-",
                "annotations-");

        final String label;
        final Class<?> main;
        final List<String> jars;

        Server(String label, Class<?> main, String... jars) {
            this.label = label;
            this.main = main;
            this.jars = List.of(jars);
        }
    }

    private Processes() {}

    /** This module's own classes: a directory under {@code target/} or its jar. */
    static String ownCodeSource() {
        try {
            return Paths.get(Processes.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** This module's classes plus the class-path entries whose file names start with a prefix. */
    static String classPathFor(List<String> jarPrefixes) {
        List<String> entries = new ArrayList<>();
        entries.add(ownCodeSource());
        String[] all = System.getProperty("java.class.path").split(File.pathSeparator);
        for (String prefix : jarPrefixes) {
            Predicate<String> matches = entry -> {
                String name = Paths.get(entry).getFileName().toString();
                return name.startsWith(prefix) && name.endsWith(".jar");
            };
            boolean found = false;
            for (String entry : all) {
                if (matches.test(entry) && !entries.contains(entry)) {
                    entries.add(entry);
                    found = true;
                }
            }
            if (!found && entries.stream().noneMatch(matches)) {
                throw new IllegalStateException("no " + prefix + "*.jar on the class path");
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    /** Starts a child process, its failure to start unchecked: every launcher of this module's children. */
    static Process start(ProcessBuilder builder) {
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String java() {
        return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** A server child started by {@link #startServer}: its port, stopped by {@link #close()}. */
    static final class Running implements AutoCloseable {

        private final Process process;
        private final Path errors;
        private final long startedNanos;
        private final int port;

        private Running(Process process, Path errors, long startedNanos, int port) {
            this.process = process;
            this.errors = errors;
            this.startedNanos = startedNanos;
            this.port = port;
        }

        int port() {
            return port;
        }

        /** {@link System#nanoTime()} right before the process was started. */
        long startedNanos() {
            return startedNanos;
        }

        @Override
        public void close() {
            stop(process);
            try {
                Files.deleteIfExists(errors);
            } catch (IOException e) {
                // a temp file left behind
            }
        }
    }

    /**
     * Starts a fresh JVM running the server's main and waits until it has printed its port; the
     * server serves until {@link Running#close()}.
     */
    static Running startServer(Server server, List<String> jvmArgs) {
        Path errors;
        try {
            errors = Files.createTempFile("runflow-p3-" + server.label, ".err");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(jvmArgs);
        command.addAll(List.of("-cp", classPathFor(server.jars), server.main.getName()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(errors.toFile());
        long started = System.nanoTime();
        Process process = start(builder);
        try {
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
            String line = out.readLine();
            if (line == null || !line.startsWith("port=")) {
                throw new IllegalStateException(server.label + " child printed " + line + "; stderr: "
                        + Files.readString(errors, StandardCharsets.UTF_8));
            }
            return new Running(
                    process, errors, started, Integer.parseInt(line.substring(5).trim()));
        } catch (IOException | RuntimeException e) {
            new Running(process, errors, started, -1).close();
            if (e instanceof IOException) {
                throw new UncheckedIOException((IOException) e);
            }
            throw (RuntimeException) e;
        }
    }

    /**
     * Starts a fresh JVM running the server's main, and times it from process start to the first
     * {@code 200} answer to {@code GET /v1/health} (a new loopback connection, a plain socket).
     *
     * @return nanoseconds
     */
    static long coldStartNanos(Server server) {
        try (Running running = startServer(server, List.of())) {
            String status = firstStatusLine(running.port());
            long took = System.nanoTime() - running.startedNanos();
            if (!status.contains(" 200")) {
                throw new IllegalStateException(server.label + " answered " + status);
            }
            return took;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String firstStatusLine(int port) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            OutputStream request = socket.getOutputStream();
            request.write("GET /v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            request.flush();
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
                line.append((char) c);
            }
            return line.toString().trim();
        }
    }

    /** Closes the child's standard input (its signal to stop), then waits 10 s before killing it. */
    static void stop(Process process) {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Runs a main class of this module in a fresh JVM with the whole class path and returns what it
     * printed on standard output.
     */
    static List<String> runMain(Class<?> main, List<String> jvmArgs, String... args) {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(System.getProperty("java.class.path") + File.pathSeparator + ownCodeSource());
        command.add(main.getName());
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            process.getOutputStream().close();
            List<String> lines = new ArrayList<>();
            try (BufferedReader out =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.add(line);
                }
            }
            int exit = process.waitFor();
            if (exit != 0) {
                throw new IllegalStateException(
                        String.format(Locale.ROOT, "%s exited with %d: %s", main.getSimpleName(), exit, lines));
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
