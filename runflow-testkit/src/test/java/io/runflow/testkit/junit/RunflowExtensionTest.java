package io.runflow.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.runflow.RunflowClient;
import io.runflow.catalog.FluxProUltra;
import io.runflow.model.Run;
import io.runflow.model.RunStatus;
import io.runflow.testkit.FakeRunflowServer;
import io.runflow.testkit.JdkTestTransport;
import io.runflow.testkit.Outcome;
import java.io.IOException;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.MethodDescriptor;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.MethodOrdererContext;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Runs sample test classes through the Jupiter engine and checks what the extension did. */
class RunflowExtensionTest {

    static final List<FakeRunflowServer> seen = new ArrayList<>();

    static final List<String> order = new ArrayList<>();

    static EngineExecutionResults run(Class<?> sample) {
        seen.clear();
        order.clear();
        return EngineTestKit.engine("junit-jupiter")
                // Reversed, so that a sample relying on the default order would notice.
                .configurationParameter("junit.jupiter.testmethod.order.default", ReverseOrder.class.getName())
                .selectors(selectClass(sample))
                .execute();
    }

    /** Orders test methods by name, backwards. */
    public static final class ReverseOrder implements MethodOrderer {
        @Override
        public void orderMethods(MethodOrdererContext context) {
            context.getMethodDescriptors()
                    .sort(Comparator.comparing(
                                    (MethodDescriptor m) -> m.getMethod().getName())
                            .reversed());
        }
    }

    static boolean listening(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return socket.isConnected();
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code second} checks the reset of what {@code first} created, so the order is pinned. */
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class StaticFieldSample {
        @RegisterExtension
        static final RunflowExtension runflow = RunflowExtension.builder()
                .server(FakeRunflowServer.builder().deterministic().outputImageSize(8, 8))
                .client(b -> b.transport(new JdkTestTransport()))
                .build();

        @Test
        @Order(1)
        void first(RunflowClient client) {
            order.add("first");
            runflow.server().onNextRun(Outcome.fail());
            Run run = client.runs().create(FluxProUltra.input("x"));
            seen.add(runflow.server());
            assertThat(runflow.client()).isSameAs(client);
            assertThat(run.status()).isEqualTo(RunStatus.QUEUED);
        }

        @Test
        @Order(2)
        void second(FakeRunflowServer server, RunflowClient client) {
            order.add("second");
            seen.add(server);
            assertThat(server.runs()).isEmpty();
            assertThat(client.runs().run(FluxProUltra.input("x")).status()).isEqualTo(RunStatus.SUCCEEDED);
        }
    }

    @Test
    void staticRegistrationSharesOneServerPerClassAndStopsItAfter() {
        run(StaticFieldSample.class)
                .testEvents()
                .assertStatistics(s -> s.succeeded(2).failed(0));

        assertThat(order).containsExactly("first", "second");
        assertThat(seen).hasSize(2);
        assertThat(seen.get(0)).isSameAs(seen.get(1));
        assertThat(listening(seen.get(0).port())).isFalse();
    }

    static class InstanceFieldSample {
        @RegisterExtension
        final RunflowExtension runflow = RunflowExtension.builder().build();

        @Test
        void first() {
            seen.add(runflow.server());
        }

        @Test
        void second() {
            seen.add(runflow.server());
        }
    }

    @Test
    void instanceRegistrationStartsAServerPerTest() {
        run(InstanceFieldSample.class).testEvents().assertStatistics(s -> s.succeeded(2));

        assertThat(seen).hasSize(2);
        assertThat(seen.get(0)).isNotSameAs(seen.get(1));
        assertThat(listening(seen.get(0).port())).isFalse();
        assertThat(listening(seen.get(1).port())).isFalse();
    }

    @RunflowTest
    static class NoTransportSample {
        @Test
        void wantsAClient(RunflowClient client) {}

        @Test
        void wantsTheServer(FakeRunflowServer server) {
            seen.add(server);
        }
    }

    @Test
    void clientParameterWithoutATransportFailsWithAClearMessage() {
        EngineExecutionResults results = run(NoTransportSample.class);

        results.testEvents().assertStatistics(s -> s.succeeded(1).failed(1));
        results.testEvents()
                .assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                test("wantsAClient"),
                                finishedWithFailure(
                                        instanceOf(ParameterResolutionException.class),
                                        message("cannot inject a RunflowClient: no Runflow HTTP transport on the"
                                                + " class path: add the dependency io.runflow:runflow-feign, or pass"
                                                + " one with RunflowClient.builder().transport(..) (a"
                                                + " FakeRunflowServer parameter works without one)"))));
    }

    @RunflowTest(deterministic = true)
    static class ParallelSample {
        static final CountDownLatch allStarted = new CountDownLatch(3);

        /** Creates a run, lets the sibling tests run meanwhile if they can, then looks at the server. */
        static void seesOnlyItsOwnRun(FakeRunflowServer server, String prompt) throws Exception {
            assertThat(RunflowTestAnnotationTest.create(server, prompt)).isEqualTo(201);
            allStarted.countDown();
            allStarted.await(300, TimeUnit.MILLISECONDS);

            assertThat(server.runs())
                    .extracting(r -> r.input().path("prompt").asString().orElseThrow())
                    .containsExactly(prompt);
        }

        @Test
        void first(FakeRunflowServer server) throws Exception {
            seesOnlyItsOwnRun(server, "first");
        }

        @Test
        void second(FakeRunflowServer server) throws Exception {
            seesOnlyItsOwnRun(server, "second");
        }

        @Test
        void third(FakeRunflowServer server) throws Exception {
            seesOnlyItsOwnRun(server, "third");
        }
    }

    @Test
    void annotatedClassRunsItsTestsOneAtATimeUnderParallelExecution() {
        EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "3")
                .selectors(selectClass(ParallelSample.class))
                .execute()
                .testEvents()
                .assertStatistics(s -> s.succeeded(3).failed(0));
    }

    @Test
    void serverIsUnavailableOutsideATest() {
        RunflowExtension extension = RunflowExtension.builder().build();

        assertThatThrownBy(extension::server)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the Runflow fake server is not running: use the extension from a test");
    }
}
