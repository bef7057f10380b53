package io.runflow.testkit.spring;

import io.runflow.testkit.FakeRunflowServer;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a Spring test's application against a {@link FakeRunflowServer}: one server per application
 * context, started before the context and closed with it, with {@code runflow.base-url}, {@code
 * runflow.api-key} and {@code runflow.webhook.secrets} pointing at it, the server injectable as a
 * bean, and its state {@linkplain FakeRunflowServer#reset() reset} before each test method.
 *
 * <pre>{@code
 * @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
 * @EnableRunflowFake
 * class RenderingTest {
 *
 *     @Autowired FakeRunflowServer runflow;
 *     @Autowired RunflowClient client;
 *
 *     @Test
 *     void rendersThroughTheCallback() {
 *         // runs created with callback_url http://localhost:<port>/runflow/webhook get the fake's
 *         // signed callbacks in the application's own endpoint
 *     }
 * }
 * }</pre>
 *
 * <p>The three properties rank just below the test's own inlined properties ({@code
 * @SpringBootTest(properties = ..)}, {@code @TestPropertySource}), so a test can still override one.
 * Needs {@code spring-test} (any Spring Framework 6.2 or 7 line) on the test class path; works with
 * JUnit 5 and 6.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface EnableRunflowFake {}
