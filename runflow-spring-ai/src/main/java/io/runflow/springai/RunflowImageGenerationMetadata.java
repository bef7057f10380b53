package io.runflow.springai;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.springframework.ai.image.ImageGenerationMetadata;

/**
 * What Runflow reports about one generated image: its run, seed, NSFW flag, duration and cost.
 *
 * <pre>{@code
 * var metadata = (RunflowImageGenerationMetadata) response.getResult().getMetadata();
 * String runId = metadata.runId();
 * }</pre>
 */
public final class RunflowImageGenerationMetadata implements ImageGenerationMetadata {

    private final String runId;
    private final Long seed;
    private final Boolean nsfwDetected;
    private final Duration duration;
    private final BigDecimal cost;

    RunflowImageGenerationMetadata(String runId, Long seed, Boolean nsfwDetected, Duration duration, BigDecimal cost) {
        this.runId = Objects.requireNonNull(runId, "runId");
        this.seed = seed;
        this.nsfwDetected = nsfwDetected;
        this.duration = duration;
        this.cost = cost;
    }

    /**
     * Returns the id of the run that made the image.
     *
     * @return the run id
     */
    public String runId() {
        return runId;
    }

    /**
     * Returns the seed the image was made with.
     *
     * @return the seed, if reported
     */
    public Optional<Long> seed() {
        return Optional.ofNullable(seed);
    }

    /**
     * Returns whether the provider flagged the image as NSFW.
     *
     * @return the flag, if reported
     */
    public Optional<Boolean> nsfwDetected() {
        return Optional.ofNullable(nsfwDetected);
    }

    /**
     * Returns how long the run took.
     *
     * @return the duration, if reported
     */
    public Optional<Duration> duration() {
        return Optional.ofNullable(duration);
    }

    /**
     * Returns what the run cost, in US dollars.
     *
     * @return the cost, if reported
     */
    public Optional<BigDecimal> cost() {
        return Optional.ofNullable(cost);
    }

    @Override
    public String toString() {
        return "RunflowImageGenerationMetadata[runId=" + runId + ", seed=" + seed + ", nsfwDetected=" + nsfwDetected
                + ", duration=" + duration + ", cost=" + cost + "]";
    }
}
