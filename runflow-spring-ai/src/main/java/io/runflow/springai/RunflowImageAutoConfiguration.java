package io.runflow.springai;

import io.micrometer.observation.ObservationRegistry;
import io.runflow.RunflowClient;
import io.runflow.spring.RunflowAutoConfiguration;
import org.springframework.ai.image.ImageModel;
import org.springframework.ai.image.observation.ImageModelObservationConvention;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configures a {@link RunflowImageModel} as the application's Spring AI {@link ImageModel} when
 * the Runflow client exists, {@code spring.ai.model.image} is {@code runflow} or unset, and the
 * application has no image model of its own. Its default options come from {@code
 * runflow.ai.image.*}; calls are observed in the application's {@link ObservationRegistry}, if it has
 * one.
 */
@AutoConfiguration(after = RunflowAutoConfiguration.class)
@ConditionalOnClass(ImageModel.class)
@ConditionalOnBean(RunflowClient.class)
@ConditionalOnProperty(name = "spring.ai.model.image", havingValue = "runflow", matchIfMissing = true)
@EnableConfigurationProperties(RunflowImageProperties.class)
public final class RunflowImageAutoConfiguration {

    RunflowImageAutoConfiguration() {}

    @Bean
    @ConditionalOnMissingBean(ImageModel.class)
    RunflowImageModel runflowImageModel(
            RunflowClient client,
            RunflowImageProperties properties,
            ObjectProvider<ObservationRegistry> observations,
            ObjectProvider<ImageModelObservationConvention> convention) {
        return new RunflowImageModel(
                client,
                properties.options(),
                properties.callbackUrl(),
                observations.getIfUnique(() -> ObservationRegistry.NOOP),
                convention.getIfUnique(() -> null));
    }
}
