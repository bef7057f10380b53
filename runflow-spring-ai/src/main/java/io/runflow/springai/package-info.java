/**
 * Runflow as a Spring AI image model: {@link io.runflow.springai.RunflowImageModel}, its options
 * ({@link io.runflow.springai.RunflowImageOptions}) and the auto-configuration keyed on {@code
 * spring.ai.model.image=runflow} and {@code runflow.ai.image.*}.
 */
package io.runflow.springai;
