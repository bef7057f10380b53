package io.runflow.testkit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Starts a {@link io.runflow.testkit.FakeRunflowServer} for the test class, resets it before each
 * test, and injects it (and a ready {@link io.runflow.RunflowClient} when a transport such as {@code
 * io.runflow:runflow-feign} is on the test class path) into test and lifecycle method parameters.
 *
 * <pre>{@code
 * @RunflowTest
 * class CheckoutTest {
 *     @Test
 *     void rendersTheProductShot(FakeRunflowServer server, RunflowClient runflow) {
 *         Run run = runflow.runs().run(FluxProUltra.input("a red sneaker"));
 *         assertThat(run).isSucceeded();
 *     }
 * }
 * }</pre>
 *
 * <p>The tests of an annotated class share one server that is reset before each of them, so they
 * run one at a time, on the class's thread, even under {@code
 * junit.jupiter.execution.parallel.mode.default=concurrent}; test classes still run in parallel with
 * one another, each with its own server.
 *
 * <p>For settings beyond these, register {@link RunflowExtension#builder()} with
 * {@code @RegisterExtension} instead.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(RunflowExtension.class)
@Execution(ExecutionMode.SAME_THREAD)
public @interface RunflowTest {

    /**
     * Starts the server in deterministic mode: time moves only when advanced, ids and seeds come from
     * counters.
     *
     * @return true for deterministic mode; default false
     */
    boolean deterministic() default false;

    /**
     * Makes every model produce square images of this size, in pixels; 0 keeps each model's size.
     *
     * @return the edge length; default 0
     */
    int imageSize() default 0;
}
