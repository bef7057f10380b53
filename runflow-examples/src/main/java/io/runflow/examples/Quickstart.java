package io.runflow.examples;

import io.runflow.PollPolicy;
import io.runflow.RunflowClient;
import io.runflow.Sleeper;
import io.runflow.catalog.FluxProUltra;
import io.runflow.errors.AuthenticationException;
import io.runflow.errors.InsufficientCreditException;
import io.runflow.errors.RunWaitException;
import io.runflow.errors.RunflowException;
import io.runflow.errors.RunflowIoException;
import io.runflow.model.OutputFile;
import io.runflow.model.Run;
import io.runflow.model.RunRequest;
import io.runflow.testkit.FakeRunflowServer;
import io.runflow.webhook.WebhookVerifier;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Generates one FLUX 1.1 [pro] Ultra image end to end: submit, follow the status, finish on the
 * verified callback (polling as fallback), download, summarise.
 *
 * <p>Without {@code RUNFLOW_API_KEY} it runs against an embedded {@link FakeRunflowServer} with a
 * local webhook receiver. With it, against {@code RUNFLOW_BASE_URL} (default the real API), with a
 * callback only when {@code RUNFLOW_CALLBACK_URL} and {@code RUNFLOW_WEBHOOK_SECRET} are set (the
 * receiver then listens on loopback port {@code RUNFLOW_CALLBACK_PORT}, default 8090, for a tunnel to
 * forward to).
 *
 * <p>Exit codes: 0 done, 1 the API or the run failed, 2 bad command line.
 */
public final class Quickstart {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private static final String CALLBACK_PATH = "/runflow/callback";
    private static final Duration CALLBACK_GRACE = Duration.ofSeconds(5);
    private static final int DEFAULT_CALLBACK_PORT = 8090;

    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;
    private final Path outputDirectory;
    private final boolean terminal;
    private final Sleeper sleeper;
    private String target = RunflowClient.DEFAULT_BASE_URL;

    /** Whether the image comes from the embedded fake: then it is a labelled placeholder. */
    private boolean placeholder;

    Quickstart(
            Map<String, String> env,
            PrintStream out,
            PrintStream err,
            Path outputDirectory,
            boolean terminal,
            Sleeper sleeper) {
        this.sleeper = sleeper;
        this.env = env;
        this.out = out;
        this.err = err;
        this.outputDirectory = outputDirectory;
        this.terminal = terminal;
    }

    /**
     * Runs the quickstart.
     *
     * @param args {@code [prompt words...] [--seed N]}
     */
    public static void main(String[] args) {
        Quickstart quickstart = new Quickstart(
                System.getenv(),
                System.out,
                System.err,
                Path.of("runflow-output"),
                System.console() != null,
                Sleeper.system());
        System.exit(quickstart.run(args));
    }

    int run(String... args) {
        RunRequest request;
        try {
            Arguments arguments = Arguments.parse(args);
            FluxProUltra.Input input = FluxProUltra.input(arguments.prompt());
            request = (arguments.seed() == null ? input : input.seed(arguments.seed()))
                    .toRequest()
                    .withMetadata(Map.of("source", "runflow-java quickstart"));
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return USAGE;
        }
        try {
            String apiKey = setting("RUNFLOW_API_KEY");
            return apiKey == null ? onEmbeddedFake(request) : onService(request, apiKey);
        } catch (AuthenticationException e) {
            err.println("error: the API key was rejected (" + e.getMessage() + "); check RUNFLOW_API_KEY");
        } catch (InsufficientCreditException e) {
            err.println("error: not enough credit for this run (" + e.getMessage() + "); top up your Runflow balance");
        } catch (RunflowIoException e) {
            err.println("error: cannot reach Runflow at " + target + " (" + e.getMessage() + ")");
        } catch (RunWaitException e) {
            err.println("error: " + e.getMessage());
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            return USAGE;
        } catch (RunflowException | IllegalArgumentException | IllegalStateException | IOException e) {
            err.println("error: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("error: interrupted");
        } catch (RuntimeException e) {
            // Never a stack trace: whatever else goes wrong still ends in one line.
            err.println("error: unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        return FAILED;
    }

    private int onEmbeddedFake(RunRequest request) throws IOException, InterruptedException {
        try (FakeRunflowServer fake = FakeRunflowServer.builder()
                        .webhookSecret("whsec_quickstart_demo_secret")
                        // Long enough phases that the progress line has something to show.
                        .phases(Duration.ofMillis(500), Duration.ofMillis(300), Duration.ofMillis(1500))
                        .build();
                RunflowClient runflow = RunflowClient.builder()
                        .sleeper(sleeper)
                        .apiKey(fake.apiKey())
                        .baseUrl(fake.baseUrl())
                        .pollPolicy(PollPolicy.builder()
                                .initialInterval(Duration.ofMillis(400))
                                .maxInterval(Duration.ofSeconds(1))
                                .timeout(Duration.ofMinutes(1))
                                .build())
                        .build();
                CallbackReceiver receiver = CallbackReceiver.start(
                        0,
                        CALLBACK_PATH,
                        WebhookVerifier.builder().secret(fake.webhookSecret()).build(),
                        runflow.callbacks())) {
            target = fake.baseUrl();
            placeholder = true;
            out.println("Runflow: embedded fake server at " + fake.baseUrl()
                    + " (set RUNFLOW_API_KEY to use the real API)");
            return generate(runflow, request.withCallbackUrl(receiver.url(CALLBACK_PATH)), receiver);
        }
    }

    private int onService(RunRequest request, String apiKey) throws IOException, InterruptedException {
        RunflowClient.Builder builder = RunflowClient.builder().apiKey(apiKey).sleeper(sleeper);
        String baseUrl = setting("RUNFLOW_BASE_URL");
        if (baseUrl != null) {
            builder.baseUrl(baseUrl);
        }
        String callbackUrl = setting("RUNFLOW_CALLBACK_URL");
        String secret = setting("RUNFLOW_WEBHOOK_SECRET");
        int port = callbackPort();
        try (RunflowClient runflow = builder.build()) {
            target = runflow.options().baseUrl().toString();
            out.println("Runflow: " + target);
            if (callbackUrl == null || secret == null) {
                out.println("callback: none (set RUNFLOW_CALLBACK_URL and RUNFLOW_WEBHOOK_SECRET to receive one);"
                        + " polling");
                return generate(runflow, request, null);
            }
            String path = URI.create(callbackUrl).getPath();
            try (CallbackReceiver receiver = CallbackReceiver.start(
                    port,
                    path == null || path.isEmpty() ? "/" : path,
                    WebhookVerifier.builder().secret(secret).build(),
                    runflow.callbacks())) {
                out.println("callback: " + callbackUrl + " → http://127.0.0.1:" + port + path);
                return generate(runflow, request.withCallbackUrl(callbackUrl), receiver);
            }
        }
    }

    private int generate(RunflowClient runflow, RunRequest request, CallbackReceiver receiver)
            throws IOException, InterruptedException {
        out.println("model: " + request.modelId());
        out.println("prompt: " + request.input().path("prompt").asString().orElseThrow());
        ProgressLine progress = new ProgressLine(out, terminal, Clock.systemUTC());
        Run created = runflow.runs().create(request);
        Run run;
        try {
            run = runflow.runs().await(created, progress::update);
        } finally {
            progress.finish();
        }
        if (run.output() == null || run.output().outputs().isEmpty()) {
            err.println("error: run " + run.id() + " " + run.statusCode() + " but returned no output file");
            return FAILED;
        }
        OutputFile image = run.output().outputs().get(0);
        Files.createDirectories(outputDirectory);
        Path file = runflow.download(image, outputDirectory.resolve(run.id() + ".jpg"));
        String callback = "none requested";
        if (receiver != null) {
            boolean verified = receiver.awaitVerified(run.id(), CALLBACK_GRACE);
            callback = !verified
                    ? "not received within " + CALLBACK_GRACE.toSeconds() + " s (" + receiver.rejected() + " rejected)"
                    : receiver.endedTheWait(run.id())
                            ? "signature verified; it ended the wait"
                            : "signature verified; a poll saw the end first";
        }
        summarise(run, image, file, callback);
        return OK;
    }

    private void summarise(Run run, OutputFile image, Path file, String callback) throws IOException {
        out.println();
        out.println("run id:    " + run.id());
        out.println("model:     " + FluxProUltra.MODEL);
        out.println("status:    " + run.statusCode());
        out.println("seed:      "
                + (run.output().seed() == null ? "not reported" : run.output().seed()));
        out.println("size:      " + (image.width() == null ? "?" : image.width()) + "x"
                + (image.height() == null ? "?" : image.height()) + " "
                + (image.contentType() == null ? "" : image.contentType())
                + ", " + Files.size(file) + " bytes");
        out.println("duration:  " + (run.duration() == null ? "not reported" : ProgressLine.seconds(run.duration())));
        out.println("file:      " + file);
        if (placeholder) {
            out.println("image:     placeholder image (no RUNFLOW_API_KEY)");
        }
        out.println("callback:  " + callback);
    }

    private int callbackPort() {
        String text = setting("RUNFLOW_CALLBACK_PORT");
        if (text == null) {
            return DEFAULT_CALLBACK_PORT;
        }
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("RUNFLOW_CALLBACK_PORT must be a port number from 1 to 65535, got '" + text + "'");
    }

    /** A setting that is wrong before anything is sent: reported like a bad command line. */
    private static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    private String setting(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
