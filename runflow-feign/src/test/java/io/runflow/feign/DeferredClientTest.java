package io.runflow.feign;

import static org.assertj.core.api.Assertions.assertThat;

import feign.Contract;
import io.runflow.RunflowClient;
import io.runflow.testkit.FakeRunflowServer;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Building a client costs no JDK client, no TLS stack, no thread and no Feign proxy until the first
 * request.
 */
class DeferredClientTest {

    @Test
    void buildingAClientStartsNoSelectorThreadUntilTheFirstRequest() {
        try (FakeRunflowServer server = FakeRunflowServer.builder().build()) {
            Set<String> before = selectorThreads();

            try (RunflowClient runflow = server.clientBuilder().build()) {
                assertThat(selectorThreads()).isSubsetOf(before);

                runflow.health();

                assertThat(selectorThreads())
                        .filteredOn(name -> !before.contains(name))
                        .hasSize(1);
                runflow.health();
                assertThat(selectorThreads())
                        .filteredOn(name -> !before.contains(name))
                        .hasSize(1);
            }
        }
    }

    @Test
    void closingAClientThatNeverSentAnythingStartsNoThreadEither() {
        try (FakeRunflowServer server = FakeRunflowServer.builder().build()) {
            Set<String> before = selectorThreads();

            server.clientBuilder().build().close();

            assertThat(selectorThreads()).isSubsetOf(before);
        }
    }

    @Test
    @SuppressWarnings("deprecation") // Contract.Default: still Feign.Builder's own default contract
    void theFeignProxyIsBuiltOnTheFirstCallAndOnlyThen() {
        AtomicInteger parsed = new AtomicInteger();
        Contract standard = new Contract.Default();
        Contract counting = type -> {
            parsed.incrementAndGet();
            return standard.parseAndValidateMetadata(type);
        };
        try (FakeRunflowServer server = FakeRunflowServer.builder().build();
                RunflowFeign api = RunflowFeign.create(
                        FeignTests.options(server, new FeignTests.RecordingSleeper()),
                        feign -> feign.contract(counting))) {
            assertThat(parsed).hasValue(0);

            api.health();
            api.health();

            assertThat(parsed).hasValue(1);
        }
    }

    /** The JDK client's one thread per client: {@code HttpClient-<n>-SelectorManager}. */
    private static Set<String> selectorThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .map(Thread::getName)
                .filter(name -> name.startsWith("HttpClient-") && name.endsWith("-SelectorManager"))
                .collect(Collectors.toSet());
    }
}
