package io.runflow.testkit;

import io.runflow.testkit.internal.control.ControlApi;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar runflow-testkit-<version>-standalone.jar [--port 8089] [--api-key <key>]
 * [--webhook-secret <secret>] [--image-size <w>x<h>] [--allow-remote-callbacks] [--deterministic]
 * [--no-control-api]}: the fake server for non-JVM code (cURL, Python, Node.js), with its control API
 * under {@code /__fake/v1/} unless {@code --no-control-api}. Prints its base URL, key and secret, and
 * stops on SIGTERM or Ctrl-C. Exits with 2, one line and the usage on standard error, for a bad option
 * or a port in use.
 */
final class Standalone {

    static final String USAGE = "usage: java -jar runflow-testkit-standalone.jar [--port <port>] [--api-key <key>]"
            + " [--webhook-secret <secret>] [--image-size <width>x<height>] [--allow-remote-callbacks]"
            + " [--deterministic] [--no-control-api]";

    private Standalone() {}

    public static void main(String[] args) throws InterruptedException {
        FakeRunflowServer server = start(args, System.err);
        if (server == null) {
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.close();
                            System.out.println("Fake Runflow server stopped");
                            stopped.countDown();
                        },
                        "fake-runflow-shutdown"));
        print(server, System.out);
        stopped.await();
    }

    /**
     * Reads the options and starts the server. On a bad option prints it and the usage, on a port that
     * cannot be bound one line, both to {@code err}, and returns null: never a stack trace.
     */
    static FakeRunflowServer start(String[] args, PrintStream err) {
        FakeRunflowServer.Builder builder;
        try {
            builder = parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return null;
        }
        try {
            return builder.build();
        } catch (UncheckedIOException e) {
            err.println(
                    e.getCause() instanceof BindException
                            ? "error: port " + requestedPort(args) + " is in use"
                            : "error: " + e.getMessage() + ": " + e.getCause().getMessage());
            return null;
        }
    }

    /** The port asked for on a command line that {@link #parse(String[])} accepted; the last one wins. */
    private static String requestedPort(String[] args) {
        String port = "0";
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--port")) {
                port = args[i + 1];
            }
        }
        return port;
    }

    static void print(FakeRunflowServer server, PrintStream out) {
        out.println("Fake Runflow server listening");
        out.println("  base URL:       " + server.baseUrl());
        out.println("  API key:        " + server.apiKey());
        out.println("  webhook secret: " + server.webhookSecret());
        if (server.controlApi()) {
            out.println("  control API:    " + server.baseUrl() + ControlApi.V1 + " (no key needed)");
        }
        out.println(
                "Try: curl -H \"Authorization: Bearer " + server.apiKey() + "\" " + server.baseUrl() + "/v1/models");
        out.flush();
    }

    /** Reads the command line into a builder, control API on; rejects anything unknown. */
    static FakeRunflowServer.Builder parse(String[] args) {
        FakeRunflowServer.Builder builder = FakeRunflowServer.builder().controlApi(true);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--port":
                    builder.port(integer(arg, value(args, ++i, arg)));
                    break;
                case "--api-key":
                    builder.apiKey(value(args, ++i, arg));
                    break;
                case "--webhook-secret":
                    builder.webhookSecret(value(args, ++i, arg));
                    break;
                case "--image-size":
                    String size = value(args, ++i, arg);
                    String[] parts = size.split("x", -1);
                    if (parts.length != 2) {
                        throw new IllegalArgumentException("--image-size needs <width>x<height>, got " + size);
                    }
                    builder.outputImageSize(integer(arg, parts[0]), integer(arg, parts[1]));
                    break;
                case "--allow-remote-callbacks":
                    builder.allowNonLoopbackCallbacks(true);
                    break;
                case "--deterministic":
                    builder.deterministic();
                    break;
                case "--no-control-api":
                    builder.controlApi(false);
                    break;
                default:
                    throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        return builder;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int integer(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, got " + value);
        }
    }
}
