package io.runflow.testkit.micronaut;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Starts a {@link io.runflow.testkit.FakeRunflowServer} for a {@code @MicronautTest} class's context
 * and points the application at it: {@code runflow.base-url}, {@code runflow.api-key} and {@code
 * runflow.webhook.secrets} come from the fake, and the fake is a bean, so the test injects it. The
 * fake is {@linkplain io.runflow.testkit.FakeRunflowServer.Builder#deterministic() deterministic}:
 * time moves only when the test calls {@code advance(..)}, which also sends the signed callbacks that
 * fall due, to the application's own webhook controller when runs were created with its URL. It is
 * closed with the context.
 *
 * <pre>{@code
 * @MicronautTest
 * @EnableRunflowFake
 * class RendersTest {
 *     @Inject FakeRunflowServer fake;
 *     @Inject RunflowClient runflow;     // the application's client, pointed at the fake
 * }
 * }</pre>
 *
 * <p>Instead of the annotation, the property {@value RunflowFakePropertyProviderFactory#ENABLED}
 * {@code =true} (for example {@code @Property(name = "runflow.testkit.fake", value = "true")}) does
 * the same. Needs {@code io.micronaut.test:micronaut-test-junit5} (or another micronaut-test flavour)
 * on the test class path.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EnableRunflowFake {

    /**
     * Whether the fake is {@linkplain io.runflow.testkit.FakeRunflowServer#reset() reset} before each
     * test. Off by default: a reset restarts the deterministic run ids, and the application's callback
     * de-duplicator, which lives as long as the context, would take the next test's callbacks for
     * repeats of the last one's. Turn it on when the application does not de-duplicate ({@code
     * runflow.webhook.dedup=none}) or each test uses its own context.
     *
     * @return true to reset before each test
     */
    boolean resetBeforeEach() default false;
}
