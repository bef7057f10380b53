package io.runflow.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.runflow.internal.Endpoint;
import io.runflow.model.OutputFile;
import io.runflow.model.Page;
import io.runflow.model.Run;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Readings of the 2026-12 pages: optional run fields, inline outputs, health shapes, 403 scopes. */
class ContractRefreshWireTest {

    private static JsonNode json(String text) throws Exception {
        return RunflowJson.mapper().readTree(text.replace('\'', '"'));
    }

    @Test
    void aListItemWithoutAnIdReads() throws Exception {
        Page<Run> page = RunflowJson.mapper()
                .readValue(
                        "{\"items\":[{\"status_code\":\"queued\"}]}",
                        RunflowJson.mapper().getTypeFactory().constructParametricType(Page.class, Run.class));

        assertThat(page.items().get(0).id()).isNull();
    }

    @Test
    void aRunReadsNodeCountsLogsAndKeepsFeedbackReachable() throws Exception {
        Run run = RunWire.run(json("{'id':'r1','status_code':'running','nodes_total':3,'nodes_completed':1,"
                + "'has_node_runs':true,'has_logs':true,'logs':[{'id':'l1','message':'run queued'},{'nope':1}],"
                + "'feedback_is_positive':false,'feedback_reason':'blurry',"
                + "'current_evaluation_summary':{'passed':true,'status_code':'completed','score':0.92}}"));

        assertThat(run.nodesTotal()).isEqualTo(3);
        assertThat(run.nodesCompleted()).isEqualTo(1);
        assertThat(run.hasNodeRuns()).isTrue();
        assertThat(run.hasLogs()).isTrue();
        assertThat(run.logs()).extracting(l -> l.message()).containsExactly("run queued");
        assertThat(run.raw().path("feedback_reason").asString()).contains("blurry");
        assertThat(run.raw()
                        .path("current_evaluation_summary")
                        .path("score")
                        .asNumber()
                        .orElseThrow())
                .isEqualByComparingTo("0.92");
    }

    @Test
    void aRunWithoutTheNewFieldsReadsThemAsAbsent() throws Exception {
        Run run = RunWire.run(json("{'id':'r1'}"));

        assertThat(run.nodesTotal()).isNull();
        assertThat(run.hasNodeRuns()).isFalse();
        assertThat(run.hasLogs()).isFalse();
        assertThat(run.logs()).isEmpty();
        assertThat(run.failure()).isNull();
    }

    @Test
    void aDataUriOutputNamesItsOwnTypeAndMediaType() throws Exception {
        OutputFile entry = RunWire.output(json("{'outputs':[{'url':'data:image/png;base64,AAEC'}]}"))
                .outputs()
                .get(0);
        OutputFile bare = RunWire.output(json("{'outputs':['data:video/mp4;base64,AAEC']}"))
                .outputs()
                .get(0);

        assertThat(entry.isDataUri()).isTrue();
        assertThat(entry.type()).isEqualTo("image");
        assertThat(entry.contentType()).isEqualTo("image/png");
        assertThat(bare.type()).isEqualTo("video");
        assertThat(bare.contentType()).isEqualTo("video/mp4");
    }

    @Test
    void bothHealthShapesAreHealthy() throws Exception {
        assertThat(AccountWire.health(json("{'ok':true}")).ok()).isTrue();
        assertThat(AccountWire.health(json("{'status':'ok','version':'1'}")).ok())
                .isTrue();
        assertThat(AccountWire.health(json("{'status':'OK'}")).ok()).isTrue();
        assertThat(AccountWire.health(json("{}")).ok()).isTrue();
    }

    @Test
    void aStatusOtherThanOkOrOkFalseIsDown() throws Exception {
        assertThat(AccountWire.health(json("{'status':'degraded'}")).ok()).isFalse();
        assertThat(AccountWire.health(json("{'ok':false,'status':'ok'}")).ok()).isFalse();
    }

    @Test
    void aPermissionDeniedNamesTheEndpointsScope() {
        byte[] body = "{\"code\":\"PERMISSION_DENIED\",\"message\":\"nope\"}".getBytes(StandardCharsets.UTF_8);

        String message = ApiErrors.toException(403, Map.of(), body, null, Endpoint.CREATE_ASSET_UPLOAD)
                .getMessage();

        assertThat(message)
                .isEqualTo("403 PERMISSION_DENIED: nope (the API key likely lacks the scope assets:create"
                        + " that POST /v1/asset-uploads needs)");
    }

    @Test
    void aForbiddenWithoutAnEndpointOrScopeNamesNone() {
        byte[] body = "{\"code\":\"PERMISSION_DENIED\",\"message\":\"nope\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(ApiErrors.toException(403, Map.of(), body, null, null).getMessage())
                .isEqualTo("403 PERMISSION_DENIED: nope");
        assertThat(ApiErrors.toException(403, Map.of(), body, null, Endpoint.HEALTH)
                        .getMessage())
                .isEqualTo("403 PERMISSION_DENIED: nope");
    }

    @Test
    void everyEndpointButTheOpenOnesNamesAScope() {
        for (Endpoint endpoint : Endpoint.values()) {
            boolean open =
                    endpoint == Endpoint.HEALTH || endpoint == Endpoint.ME || endpoint == Endpoint.LIST_PUBLIC_MODELS;
            if (open) {
                assertThat(endpoint.scope()).as(endpoint.label()).isNull();
            } else {
                assertThat(endpoint.scope()).as(endpoint.label()).matches("[a-z_]+:[a-z]+");
            }
        }
    }
}
