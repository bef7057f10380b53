package io.runflow.springai;

import io.micrometer.observation.ObservationRegistry;
import io.runflow.RunflowClient;
import io.runflow.errors.RunFailedException;
import io.runflow.errors.RunflowIoException;
import io.runflow.model.Batch;
import io.runflow.model.BatchInput;
import io.runflow.model.BatchItem;
import io.runflow.model.BatchRequest;
import io.runflow.model.OutputFile;
import io.runflow.model.Run;
import io.runflow.model.RunRequest;
import io.runflow.model.RunStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.ai.image.Image;
import org.springframework.ai.image.ImageGeneration;
import org.springframework.ai.image.ImageMessage;
import org.springframework.ai.image.ImageModel;
import org.springframework.ai.image.ImagePrompt;
import org.springframework.ai.image.ImageResponse;
import org.springframework.ai.image.ImageResponseMetadata;
import org.springframework.ai.image.observation.DefaultImageModelObservationConvention;
import org.springframework.ai.image.observation.ImageModelObservationContext;
import org.springframework.ai.image.observation.ImageModelObservationConvention;
import org.springframework.ai.image.observation.ImageModelObservationDocumentation;

/**
 * Runflow as a Spring AI {@link ImageModel}: each call creates the run (or, for {@code n > 1}, one
 * batch with an input per image) through a {@link RunflowClient} and waits for it. The wait polls, and a
 * verified callback ends it early when the options carry a callback URL and the application has the
 * Runflow webhook endpoint. Idempotency keys, retries and timeouts are the client's.
 *
 * <pre>{@code
 * ImageModel imageModel = new RunflowImageModel(runflowClient);
 * String url = imageModel.call(new ImagePrompt("a red fox")).getResult().getOutput().getUrl();
 * }</pre>
 *
 * <p>Failures are Runflow's own exceptions: a failed run is a {@link RunFailedException} holding the
 * run (for a batch, the first failed item's run); an option Runflow cannot honour is an {@link
 * IllegalArgumentException} naming it. Each call is observed as Spring AI's {@link
 * ImageModelObservationDocumentation#IMAGE_MODEL_OPERATION} with provider {@value #PROVIDER}.
 */
public final class RunflowImageModel implements ImageModel {

    /** The provider name in Spring AI's observations. */
    public static final String PROVIDER = "runflow";

    /** Response metadata key of the run id, when one run made the images. */
    public static final String RUN_ID = "runflow.run-id";

    /** Response metadata key of the batch id, when a batch made the images ({@code n > 1}). */
    public static final String BATCH_ID = "runflow.batch-id";

    private static final ImageModelObservationConvention DEFAULT_CONVENTION =
            new DefaultImageModelObservationConvention();

    private final RunflowClient client;
    private final RunflowImageOptions defaults;
    private final String callbackUrl;
    private final ObservationRegistry observations;
    private final ImageModelObservationConvention convention;

    /**
     * Creates a model with FLUX 1.1 [pro] Ultra, one image per call, URLs, no callback and no
     * observations.
     *
     * @param client the client that creates and waits; owned by the caller
     */
    public RunflowImageModel(RunflowClient client) {
        this(client, RunflowImageOptions.builder().build(), null, ObservationRegistry.NOOP, null);
    }

    /**
     * Creates a model.
     *
     * @param client the client that creates and waits; owned by the caller
     * @param defaults the options of every call, under each call's own
     * @param callbackUrl the application's public Runflow webhook URL, given to each run and batch so
     *     that a verified callback ends the wait; {@code null} to wait by polling only
     * @param observations where calls are observed; {@link ObservationRegistry#NOOP} for none
     * @param convention a custom observation convention, or {@code null} for Spring AI's default
     */
    public RunflowImageModel(
            RunflowClient client,
            RunflowImageOptions defaults,
            String callbackUrl,
            ObservationRegistry observations,
            ImageModelObservationConvention convention) {
        this.client = Objects.requireNonNull(client, "client");
        this.defaults = Objects.requireNonNull(defaults, "defaults");
        this.callbackUrl = callbackUrl == null || callbackUrl.isBlank() ? null : callbackUrl;
        this.observations = Objects.requireNonNull(observations, "observations");
        this.convention = convention;
    }

    /**
     * Returns the options every call starts from.
     *
     * @return the default options
     */
    public RunflowImageOptions defaultOptions() {
        return defaults;
    }

    /**
     * Generates the prompt's images and waits for them.
     *
     * @param prompt the first instruction's text is the prompt; its options merge over the defaults
     * @return one generation per image, in order, each with {@link RunflowImageGenerationMetadata}
     * @throws IllegalArgumentException if the prompt has no text or an option cannot be honoured
     * @throws RunFailedException if a run failed
     */
    @Override
    public ImageResponse call(ImagePrompt prompt) {
        Objects.requireNonNull(prompt, "prompt");
        RunflowImageOptions options = defaults.merge(prompt.getOptions());
        String text = text(prompt);
        Call call = Call.of(text, options);
        ImagePrompt observed = new ImagePrompt(
                prompt.getInstructions(),
                options.toBuilder().model(call.model()).build());
        ImageModelObservationContext context = ImageModelObservationContext.builder()
                .imagePrompt(observed)
                .provider(PROVIDER)
                .build();
        return ImageModelObservationDocumentation.IMAGE_MODEL_OPERATION
                .observation(convention, DEFAULT_CONVENTION, () -> context, observations)
                .observe(() -> {
                    ImageResponse response = call.n() == 1 ? runOne(call) : runBatch(call);
                    context.setResponse(response);
                    return response;
                });
    }

    private static String text(ImagePrompt prompt) {
        List<ImageMessage> instructions = prompt.getInstructions();
        String text = instructions == null || instructions.isEmpty()
                ? null
                : instructions.get(0).getText();
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("prompt must have a non-blank first instruction");
        }
        return text;
    }

    private ImageResponse runOne(Call call) {
        RunRequest request = RunRequest.of(call.model(), call.input(0));
        if (callbackUrl != null) {
            request = request.withCallbackUrl(callbackUrl);
        }
        Run run = client.runs().run(request);
        ImageResponseMetadata metadata = new ImageResponseMetadata();
        metadata.put(RUN_ID, run.id());
        return new ImageResponse(generations(run, call), metadata);
    }

    private ImageResponse runBatch(Call call) {
        List<BatchInput> inputs = new ArrayList<>();
        for (int i = 0; i < call.n(); i++) {
            inputs.add(BatchInput.of(call.input(i)));
        }
        BatchRequest request = BatchRequest.of(call.model(), inputs);
        if (callbackUrl != null) {
            request = request.withCallbackUrl(callbackUrl);
        }
        Batch batch = client.batches().run(request);
        List<BatchItem> items = client.batches().items(batch.id()).stream()
                .sorted(Comparator.comparing(BatchItem::sequenceIndex, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        List<ImageGeneration> generations = new ArrayList<>();
        for (BatchItem item : items) {
            Run run = item.run() != null && item.run().isTerminal()
                    ? item.run()
                    : client.runs().get(item.runId());
            if (run.status() != RunStatus.SUCCEEDED && run.status() != RunStatus.PARTIAL_SUCCEEDED) {
                throw new RunFailedException(run);
            }
            generations.addAll(generations(run, call));
        }
        ImageResponseMetadata metadata = new ImageResponseMetadata();
        metadata.put(BATCH_ID, batch.id());
        return new ImageResponse(generations, metadata);
    }

    private List<ImageGeneration> generations(Run run, Call call) {
        List<ImageGeneration> generations = new ArrayList<>();
        if (run.output() == null) {
            return generations;
        }
        RunflowImageGenerationMetadata metadata = new RunflowImageGenerationMetadata(
                run.id(), run.output().seed(), run.output().nsfwDetected(), run.duration(), run.cost());
        for (OutputFile file : run.output().outputs()) {
            Image image = call.base64() ? new Image(null, base64(file)) : new Image(file.url(), null);
            generations.add(new ImageGeneration(image, metadata));
        }
        return generations;
    }

    private String base64(OutputFile file) {
        Path directory = null;
        try {
            directory = Files.createTempDirectory("runflow-image");
            Path downloaded = client.download(file, directory.resolve("image"));
            return Base64.getEncoder().encodeToString(Files.readAllBytes(downloaded));
        } catch (IOException e) {
            throw new RunflowIoException("reading the downloaded image failed: " + e.getMessage(), e);
        } finally {
            deleteQuietly(directory);
        }
    }

    private static void deleteQuietly(Path directory) {
        if (directory == null) {
            return;
        }
        try (var files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(directory);
        } catch (IOException e) {
            // A leftover temporary file is not worth failing a generation that succeeded.
        }
    }

    @Override
    public String toString() {
        return "RunflowImageModel[defaults=" + defaults + ", callbackUrl=" + callbackUrl + "]";
    }

    /** One call's checked options. */
    private record Call(String prompt, String model, int n, Long seed, boolean base64, Map<String, Object> inputs) {

        static Call of(String prompt, RunflowImageOptions options) {
            if (options.getWidth() != null) {
                throw unsupported("width", options.getWidth());
            }
            if (options.getHeight() != null) {
                throw unsupported("height", options.getHeight());
            }
            if (options.getStyle() != null) {
                throw unsupported("style", options.getStyle());
            }
            int n = options.getN() == null ? 1 : options.getN();
            if (n < 1 || n > BatchRequest.MAX_ITEMS) {
                throw new IllegalArgumentException("n must be 1 to " + BatchRequest.MAX_ITEMS + ", got " + n);
            }
            Long seed = options.getSeed();
            if (seed != null && (seed < 0 || seed > Long.MAX_VALUE - n)) {
                throw new IllegalArgumentException("seed must be 0 to " + (Long.MAX_VALUE - n) + ", got " + seed);
            }
            String format = options.getResponseFormat() == null ? RunflowImageOptions.URL : options.getResponseFormat();
            if (!format.equals(RunflowImageOptions.URL) && !format.equals(RunflowImageOptions.B64_JSON)) {
                throw new IllegalArgumentException("responseFormat must be " + RunflowImageOptions.URL + " or "
                        + RunflowImageOptions.B64_JSON + ", got " + format);
            }
            String model = options.getModel() == null ? RunflowImageOptions.DEFAULT_MODEL : options.getModel();
            return new Call(prompt, model, n, seed, format.equals(RunflowImageOptions.B64_JSON), options.getInputs());
        }

        private static IllegalArgumentException unsupported(String option, Object value) {
            return new IllegalArgumentException(option + " is not supported by Runflow's image models (got " + value
                    + "): give the model's own input instead, for example"
                    + " RunflowImageOptions.builder().input(\"aspect_ratio\", \"16:9\")");
        }

        /** The input of image {@code index}: the inputs, the prompt, and the seed + index. */
        Map<String, Object> input(int index) {
            Map<String, Object> input = new LinkedHashMap<>(inputs);
            input.put("prompt", prompt);
            if (seed != null) {
                input.put("seed", seed + index);
            }
            return input;
        }
    }
}
