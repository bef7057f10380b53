package io.runflow.langchain4j;

import dev.langchain4j.data.image.Image;
import dev.langchain4j.model.batch.BatchError;
import dev.langchain4j.model.batch.BatchItemResult;
import dev.langchain4j.model.batch.BatchPage;
import dev.langchain4j.model.batch.BatchPagination;
import dev.langchain4j.model.batch.BatchResponse;
import dev.langchain4j.model.batch.BatchState;
import dev.langchain4j.model.image.BatchImageModel;
import dev.langchain4j.model.image.ImageModel;
import dev.langchain4j.model.output.Response;
import io.runflow.RunflowClient;
import io.runflow.catalog.FluxProUltra;
import io.runflow.errors.RunFailedException;
import io.runflow.model.Asset;
import io.runflow.model.Batch;
import io.runflow.model.BatchInput;
import io.runflow.model.BatchItem;
import io.runflow.model.BatchRequest;
import io.runflow.model.OutputFile;
import io.runflow.model.Run;
import io.runflow.model.RunRequest;
import io.runflow.model.RunStatus;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runflow as a LangChain4j {@link ImageModel} and {@link BatchImageModel}. Generation runs FLUX 1.1
 * [pro] Ultra by default, editing FLUX.1 Kontext [pro]; several images run as one Runflow batch. Calls
 * wait for their runs through the {@link RunflowClient} (polling, or a verified callback when a callback
 * URL is set and the application receives Runflow's webhooks), with its retries and idempotency keys.
 *
 * <pre>{@code
 * ImageModel model = RunflowImageModel.builder().client(runflowClient).build();
 * Image image = model.generate("a red fox").content();
 * }</pre>
 *
 * <p>Failures are Runflow's own exceptions: a failed run is a {@link RunFailedException} holding the
 * run.
 */
public final class RunflowImageModel implements ImageModel, BatchImageModel {

    /** The default editing model: FLUX.1 Kontext [pro], inputs {@code prompt} and {@code image_url}. */
    public static final String KONTEXT = "black-forest-labs/flux-pro/kontext";

    /** {@link Response#metadata()} key of the run id. */
    public static final String RUN_ID = "runflow.run_id";

    /** {@link Response#metadata()} key of the batch id, for images made by a batch. */
    public static final String BATCH_ID = "runflow.batch_id";

    /** {@link Response#metadata()} key of the seed, when reported. */
    public static final String SEED = "runflow.seed";

    /** {@link Response#metadata()} key of the cost in US dollars ({@link java.math.BigDecimal}). */
    public static final String COST = "runflow.cost";

    private static final String DEFAULT_MIME_TYPE = "image/jpeg";

    private final RunflowClient client;
    private final String model;
    private final String editModel;
    private final Map<String, Object> inputs;
    private final String callbackUrl;

    private RunflowImageModel(Builder builder) {
        this.client = builder.client;
        this.model = builder.model;
        this.editModel = builder.editModel;
        this.inputs = Map.copyOf(builder.inputs);
        this.callbackUrl = builder.callbackUrl;
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Generates one image and waits for it.
     *
     * @param prompt the text description; not blank
     * @return the image's URL and MIME type, with the run id, seed and cost in the metadata
     * @throws RunFailedException if the run failed
     */
    @Override
    public Response<Image> generate(String prompt) {
        Run run = client.runs().run(request(model, input(prompt)));
        return response(run, first(run), null);
    }

    /**
     * Generates {@code n} images and waits for them; more than one runs as one Runflow batch.
     *
     * @param prompt the text description; not blank
     * @param n 1 to 100
     * @return the images, in order, with the run id (or batch id) in the metadata
     * @throws RunFailedException if a run failed
     */
    @Override
    public Response<List<Image>> generate(String prompt, int n) {
        if (n < 1 || n > BatchRequest.MAX_ITEMS) {
            throw new IllegalArgumentException("n must be 1 to " + BatchRequest.MAX_ITEMS + ", got " + n);
        }
        if (n == 1) {
            Response<Image> one = generate(prompt);
            return Response.from(List.of(one.content()), null, null, one.metadata());
        }
        Map<String, Object> input = input(prompt);
        List<BatchInput> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            items.add(BatchInput.of(input));
        }
        Batch batch = client.batches().run(batchRequest(items));
        List<Image> images = new ArrayList<>();
        for (BatchItem item : items(batch)) {
            Run run = run(item);
            if (!succeeded(run.status())) {
                throw new RunFailedException(run);
            }
            run.output().outputs().forEach(file -> images.add(image(file)));
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put(BATCH_ID, batch.id());
        if (batch.cost() != null) {
            metadata.put(COST, batch.cost());
        }
        return Response.from(images, null, null, metadata);
    }

    /**
     * Edits an image as the prompt says with the edit model (FLUX.1 Kontext by default). An image
     * given by URL is passed as is; one given as base64 data is uploaded as a Runflow asset first.
     *
     * @param image the image to edit, by URL or base64 data
     * @param prompt what to change; not blank
     * @return the edited image
     * @throws RunFailedException if the run failed
     */
    @Override
    public Response<Image> edit(Image image, String prompt) {
        Objects.requireNonNull(image, "image");
        Map<String, Object> input = input(prompt);
        input.put("image_url", imageUrl(image));
        Run run = client.runs().run(request(editModel, input));
        return response(run, first(run), null);
    }

    /**
     * Not supported: no Runflow image model takes a mask yet.
     *
     * @throws UnsupportedOperationException always
     */
    @Override
    public Response<Image> edit(Image image, Image mask, String prompt) {
        throw new UnsupportedOperationException(
                "Runflow has no image model that takes a mask yet: use edit(image, prompt), whose prompt says what to change");
    }

    /**
     * Creates one Runflow batch with an item per prompt, without waiting; {@link #retrieve(String)}
     * reads it.
     *
     * @param request the prompts, 1 to 100
     * @return the batch id and its state, without results
     */
    @Override
    public BatchResponse<Response<Image>> submit(dev.langchain4j.model.batch.BatchRequest<String> request) {
        Objects.requireNonNull(request, "request");
        List<BatchInput> items = new ArrayList<>();
        for (String prompt : request.requests()) {
            items.add(BatchInput.of(input(prompt)));
        }
        Batch batch = client.batches().create(batchRequest(items));
        return BatchResponse.<Response<Image>>builder()
                .batchId(batch.id())
                .state(state(batch.status()))
                .results(List.of())
                .build();
    }

    /**
     * Reads a batch; once it has finished, with one result per item in submission order: the image,
     * or the item's error.
     *
     * @param batchId the id {@link #submit} returned
     * @return the batch's state and, when finished, its results
     */
    @Override
    public BatchResponse<Response<Image>> retrieve(String batchId) {
        Objects.requireNonNull(batchId, "batchId");
        Batch batch = client.batches().get(batchId);
        List<BatchItemResult<Response<Image>>> results = new ArrayList<>();
        if (batch.isTerminal()) {
            for (BatchItem item : items(batch)) {
                Run run = run(item);
                if (succeeded(run.status())
                        && run.output() != null
                        && !run.output().outputs().isEmpty()) {
                    results.add(BatchItemResult.success(response(run, first(run), batchId)));
                } else {
                    String message = run.failure() == null
                            ? run.statusCode()
                            : run.failure().describe();
                    results.add(BatchItemResult.failure(new BatchError(0, "run " + run.id() + ": " + message, null)));
                }
            }
        }
        return BatchResponse.<Response<Image>>builder()
                .batchId(batch.id())
                .state(state(batch.status()))
                .results(results)
                .build();
    }

    /**
     * Not supported: Runflow's API has no way to cancel a batch.
     *
     * @throws UnsupportedOperationException always
     */
    @Override
    public void cancel(String batchId) {
        throw new UnsupportedOperationException("Runflow's API has no batch cancel endpoint");
    }

    /**
     * Not supported: Runflow's API has no way to list batches; keep the ids {@link #submit} returns.
     *
     * @throws UnsupportedOperationException always
     */
    @Override
    public BatchPage<Response<Image>> list(BatchPagination pagination) {
        throw new UnsupportedOperationException(
                "Runflow's API has no batch list endpoint: keep the ids submit(..) returns");
    }

    private Map<String, Object> input(String prompt) {
        Objects.requireNonNull(prompt, "prompt");
        if (prompt.isBlank()) {
            throw new IllegalArgumentException("prompt must not be blank");
        }
        Map<String, Object> input = new LinkedHashMap<>(inputs);
        input.put("prompt", prompt);
        return input;
    }

    private RunRequest request(String modelId, Map<String, Object> input) {
        RunRequest request = RunRequest.of(modelId, input);
        return callbackUrl == null ? request : request.withCallbackUrl(callbackUrl);
    }

    private BatchRequest batchRequest(List<BatchInput> items) {
        if (items.isEmpty() || items.size() > BatchRequest.MAX_ITEMS) {
            throw new IllegalArgumentException(
                    "a batch takes 1 to " + BatchRequest.MAX_ITEMS + " prompts, got " + items.size());
        }
        BatchRequest request = BatchRequest.of(model, items);
        return callbackUrl == null ? request : request.withCallbackUrl(callbackUrl);
    }

    private String imageUrl(Image image) {
        if (image.url() != null) {
            return image.url().toString();
        }
        if (image.base64Data() == null) {
            throw new IllegalArgumentException("image must have a URL or base64 data");
        }
        byte[] bytes = Base64.getDecoder().decode(image.base64Data());
        String mimeType = image.mimeType() == null ? DEFAULT_MIME_TYPE : image.mimeType();
        String extension = mimeType.substring(mimeType.indexOf('/') + 1);
        Asset asset = client.assets().upload(bytes, "image." + extension, mimeType);
        return asset.ref();
    }

    private List<BatchItem> items(Batch batch) {
        return client.batches().items(batch.id()).stream()
                .sorted(Comparator.comparing(BatchItem::sequenceIndex, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }

    private Run run(BatchItem item) {
        return item.run() != null && item.run().isTerminal()
                ? item.run()
                : client.runs().get(item.runId());
    }

    private static boolean succeeded(RunStatus status) {
        return status == RunStatus.SUCCEEDED || status == RunStatus.PARTIAL_SUCCEEDED;
    }

    private static OutputFile first(Run run) {
        if (run.output() == null || run.output().outputs().isEmpty()) {
            throw new IllegalStateException("run " + run.id() + " succeeded without an output image");
        }
        return run.output().outputs().get(0);
    }

    private static Image image(OutputFile file) {
        return Image.builder()
                .url(file.url())
                .mimeType(file.contentType() == null ? DEFAULT_MIME_TYPE : file.contentType())
                .build();
    }

    private static Response<Image> response(Run run, OutputFile file, String batchId) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put(RUN_ID, run.id());
        if (batchId != null) {
            metadata.put(BATCH_ID, batchId);
        }
        if (run.output() != null && run.output().seed() != null) {
            metadata.put(SEED, run.output().seed());
        }
        if (run.cost() != null) {
            metadata.put(COST, run.cost());
        }
        return Response.from(image(file), null, null, metadata);
    }

    private static BatchState state(RunStatus status) {
        return switch (status) {
            case QUEUED, DISPATCHING -> BatchState.PENDING;
            case RUNNING -> BatchState.RUNNING;
            case SUCCEEDED, PARTIAL_SUCCEEDED -> BatchState.SUCCEEDED;
            case FAILED -> BatchState.FAILED;
            case CANCELED -> BatchState.CANCELLED;
            case UNKNOWN -> BatchState.UNSPECIFIED;
        };
    }

    @Override
    public String toString() {
        return "RunflowImageModel[model=" + model + ", editModel=" + editModel + ", inputs=" + inputs + "]";
    }

    /** Builds a {@link RunflowImageModel}; only the client is required. */
    public static final class Builder {

        private RunflowClient client;
        private String model = FluxProUltra.MODEL;
        private String editModel = KONTEXT;
        private final Map<String, Object> inputs = new LinkedHashMap<>();
        private String callbackUrl;

        private Builder() {}

        /**
         * Sets the client that creates runs and waits for them.
         *
         * @param client the client; owned by the caller, who closes it. Required
         * @return this builder
         */
        public Builder client(RunflowClient client) {
            this.client = Objects.requireNonNull(client, "client");
            return this;
        }

        /**
         * Sets the model of {@code generate} and batches.
         *
         * @param model a Runflow model id; default {@code black-forest-labs/flux-1-1-pro-ultra}
         * @return this builder
         */
        public Builder model(String model) {
            this.model = Objects.requireNonNull(model, "model");
            return this;
        }

        /**
         * Sets the model of {@code edit}; it must take {@code prompt} and {@code image_url}.
         *
         * @param editModel a Runflow model id; default {@value #KONTEXT}
         * @return this builder
         */
        public Builder editModel(String editModel) {
            this.editModel = Objects.requireNonNull(editModel, "editModel");
            return this;
        }

        /**
         * Adds a model input sent with every prompt, for example {@code aspect_ratio} or {@code seed}.
         *
         * @param name the input's name; not {@code prompt}
         * @param value a string, number, boolean, list or map
         * @return this builder
         */
        public Builder input(String name, Object value) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            if (name.equals("prompt")) {
                throw new IllegalArgumentException("prompt is given to each call, not as an input");
            }
            inputs.put(name, value);
            return this;
        }

        /**
         * Sets the application's public Runflow webhook URL, given to each run and batch so that a
         * verified callback ends the wait early.
         *
         * @param callbackUrl an http(s) URL; default none (waits poll)
         * @return this builder
         */
        public Builder callbackUrl(String callbackUrl) {
            this.callbackUrl = Objects.requireNonNull(callbackUrl, "callbackUrl");
            return this;
        }

        /**
         * Builds the model.
         *
         * @return the model
         * @throws IllegalStateException if no client was set
         */
        public RunflowImageModel build() {
            if (client == null) {
                throw new IllegalStateException("client is required");
            }
            return new RunflowImageModel(this);
        }
    }
}
