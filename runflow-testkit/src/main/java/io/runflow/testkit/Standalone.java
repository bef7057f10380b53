package io.runflow.testkit;

import io.runflow.testkit.internal.control.ControlApi;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar runflow-testkit-<version>-standalone.jar [--port 8089] [--api-key <key>]
 * [--webhook-secret <secret>] [--image-size <w>x<h>] [--balance <dollars>] [--allow-remote-callbacks]
 * [--deterministic] [--no-control-api] [--help]}: the fake server for non-JVM code (cURL, Python, Node.js), with its control API
 * under {@code /__fake/v1/} unless {@code --no-control-api}. Prints its base URL, key and secret, and
 * stops on SIGTERM or Ctrl-C. {@code --help} prints the usage to standard output and exits 0. Exits
 * with 2, one line and the usage on standard error, for a bad option or a port in use.
 */
final class Standalone {

    static final String USAGE = "usage: java -jar runflow-testkit-standalone.jar [--port <port>] [--api-key <key>]"
            + " [--webhook-secret <secret>] [--image-size <width>x<height>] [--balance <dollars>]"
            + " [--allow-remote-callbacks] [--deterministic] [--no-control-api] [--help]";

    /** What {@code --help} prints: the usage, then one line per option. */
    static final String HELP = USAGE
            + System.lineSeparator()
            + String.join(
                    System.lineSeparator(),
                    "",
                    "A fake Runflow API on loopback, for tests in any language.",
                    "",
                    "  --port <port>              port to listen on (default: any free port)",
                    "  --api-key <key>            the one API key accepted (default: rf_test_fake_key)",
                    "  --webhook-secret <secret>  the callback signing secret current at start",
                    "  --image-size <w>x<h>       size of every output image (default: each model's own)",
                    "  --balance <dollars>        starting credit balance, kept across resets (default: 100.00)",
                    "  --allow-remote-callbacks   send callbacks to non-loopback hosts too",
                    "  --deterministic            time moves only through the control API; ids from counters",
                    "  --no-control-api           do not serve /__fake/v1/ (the control API)",
                    "  --help                     print this help and exit",
                    "",
                    "Control API (no key needed): POST /__fake/v1/reset, /time/advance, /outcomes, /faults,"
                            + " /balance, /callbacks/block, /runs/{id}/release;",
                    "GET /__fake/v1/server, /runs, /requests, /deliveries, /callback-secrets."
                            + " See runflow-testkit/README.md.");

    private Standalone() {}

    public static void main(String[] args) throws InterruptedException {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.println(HELP);
            System.out.flush();
            System.exit(0);
            return;
        }
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
                case "--balance":
                    String dollars = value(args, ++i, arg);
                    try {
                        builder.startingBalance(new java.math.BigDecimal(dollars));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--balance needs an amount in dollars, got " + dollars);
                    }
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
