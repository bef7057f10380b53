package io.runflow.feign;

import static org.assertj.core.api.Assertions.assertThat;

import io.runflow.RunflowClient;
import io.runflow.RunflowTransport;
import io.runflow.catalog.FluxProUltra;
import io.runflow.model.Run;
import io.runflow.model.RunStatus;
import io.runflow.testkit.FakeRunflowServer;
import io.runflow.testkit.junit.RunflowTest;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The testkit's extension finds this module's transport through ServiceLoader. */
@RunflowTest
class RunflowTestExtensionTest {

    @Test
    void injectsAWorkingClient(FakeRunflowServer server, RunflowClient runflow) {
        Run run = runflow.runs().run(FluxProUltra.input("a red sneaker"));

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(server.runs()).singleElement().extracting(r -> r.id()).isEqualTo(run.id());
        assertThat(server.takeRequest().header("User-Agent"))
                .hasValueSatisfying(ua -> assertThat(ua).startsWith("runflow-java/"));
    }

    @Test
    void serviceLoaderFindsTheFeignTransport() {
        assertThat(ServiceLoader.load(RunflowTransport.class))
                .singleElement()
                .isInstanceOf(FeignRunflowTransport.class);
    }
}
