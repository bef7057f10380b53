package io.runflow.springai;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code runflow.ai.image.*} settings: the default options of the auto-configured {@link
 * RunflowImageModel}. Each call's own options go over them. The client itself is configured by the
 * starter's {@code runflow.*} keys.
 *
 * <pre>{@code
 * spring.ai.model.image=runflow
 * runflow.ai.image.model=black-forest-labs/flux-1-1-pro-ultra
 * runflow.ai.image.inputs.aspect_ratio=16:9
 * }</pre>
 *
 * @param model Runflow model id of the images. Default black-forest-labs/flux-1-1-pro-ultra.
 * @param n How many images each call generates; more than one run as one Runflow batch. Default 1.
 * @param seed Seed of the first image of each call (the next ones get seed + 1, ...). Default none: the
 *     server picks.
 * @param responseFormat How images are returned: url (the output URL) or b64_json (downloaded and
 *     base64-encoded). Default url.
 * @param inputs Further inputs of the model, sent as strings, for example aspect_ratio or
 *     output_format.
 * @param callbackUrl Public URL of the application's Runflow webhook endpoint, given to each run and
 *     batch so that a verified callback ends the wait early. Default none: waits poll.
 */
@ConfigurationProperties("runflow.ai.image")
public record RunflowImageProperties(
        String model, Integer n, Long seed, String responseFormat, Map<String, String> inputs, String callbackUrl) {

    /** Copies the inputs. */
    public RunflowImageProperties {
        inputs = inputs == null ? Map.of() : Map.copyOf(inputs);
    }

    /**
     * Returns the default options these settings describe.
     *
     * @return the options
     */
    public RunflowImageOptions options() {
        RunflowImageOptions.Builder options = RunflowImageOptions.builder();
        if (model != null && !model.isBlank()) {
            options.model(model);
        }
        if (n != null) {
            options.n(n);
        }
        if (seed != null) {
            options.seed(seed);
        }
        if (responseFormat != null && !responseFormat.isBlank()) {
            options.responseFormat(responseFormat);
        }
        options.inputs(inputs);
        return options.build();
    }
}
