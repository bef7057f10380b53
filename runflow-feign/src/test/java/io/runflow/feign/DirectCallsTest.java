package io.runflow.feign;

import static org.assertj.core.api.Assertions.assertThat;

import feign.Capability;
import feign.Client;
import feign.RequestTemplate;
import io.runflow.catalog.FluxProUltra;
import io.runflow.model.Run;
import io.runflow.testkit.FakeRunflowServer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The endpoints go through {@link DirectMethodHandler} unless something it would skip is in use, and
 * then through Feign's own handlers: both send what the endpoint tests expect.
 */
class DirectCallsTest {

    static final FakeRunflowServer server =
            FakeRunflowServer.builder().deterministic().build();

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Records the template each request was made from, as the client sees it. */
    public static final class Templates implements Capability {
        final List<RequestTemplate> seen = new CopyOnWriteArrayList<>();

        @Override
        public Client enrich(Client client) {
            return (request, options) -> {
                seen.add(request.requestTemplate());
                return client.execute(request, options);
            };
        }
    }

    @Test
    void eachEndpointsRequestsShareOneUnexpandedTemplate() {
        Templates templates = new Templates();
        try (RunflowFeign api = RunflowFeign.create(
                FeignTests.options(server, new FeignTests.RecordingSleeper()),
                builder -> builder.addCapability(templates))) {
            Run run =
                    api.createRun(FeignTests.keyed(FluxProUltra.input("direct").toRequest()));
            api.getRun(run.id());
            api.getRun(run.id());

            assertThat(templates.seen).hasSize(3);
            assertThat(templates.seen.get(1)).isSameAs(templates.seen.get(2));
            assertThat(templates.seen.get(1).url()).isEqualTo("/v1/runs/{id}");
            assertThat(server.requests().get(server.requests().size() - 1).path())
                    .isEqualTo("/v1/runs/" + run.id());
        }
    }

    @Test
    void aRequestInterceptorSendsTheCallsFeignsWay() {
        Templates templates = new Templates();
        try (RunflowFeign api = RunflowFeign.create(
                FeignTests.options(server, new FeignTests.RecordingSleeper()),
                builder -> builder.addCapability(templates)
                        .requestInterceptor(template -> template.header("X-Intercepted", "yes")))) {
            Run run = api.createRun(FeignTests.keyed(FluxProUltra.input("feign").toRequest()));
            api.getRun(run.id());
            api.getRun(run.id());

            assertThat(templates.seen.get(1)).isNotSameAs(templates.seen.get(2));
            assertThat(server.requests().get(server.requests().size() - 1).header("X-Intercepted"))
                    .contains("yes");
        }
    }
}
