/**
 * The HTTP transport of the Runflow SDK: {@link io.runflow.feign.RunflowFeign}, found by {@code
 * RunflowClient} through {@link io.runflow.feign.FeignRunflowTransport}, and {@link
 * io.runflow.feign.FeignCustomizer} to reach Feign's own extension points.
 */
package io.runflow.feign;
