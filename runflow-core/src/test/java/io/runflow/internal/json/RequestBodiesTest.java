package io.runflow.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.runflow.model.AssetUploadRequest;
import io.runflow.model.BatchInput;
import io.runflow.model.BatchRequest;
import io.runflow.model.CallbackSecretUpdate;
import io.runflow.model.Page;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The request bodies the SDK sends, field by field, and the list envelope it reads. */
class RequestBodiesTest {

    private static JsonNode json(String text) {
        try {
            return RunflowJson.mapper().readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aBatchBodyHasTheItemsWithTheirReferencesAndOnlyTheSetFields() {
        BatchRequest request = BatchRequest.of(
                "m/x",
                List.of(
                        BatchInput.of(Map.of("prompt", "a")).withClientRef("r1"),
                        BatchInput.of(Map.of("prompt", "b"))));

        assertThat(BatchWire.batchRequestBody(request))
                .isEqualTo(json("{'input':[{'prompt':'a','client_ref':'r1'},{'prompt':'b'}]}"));
        assertThat(BatchWire.batchRequestBody(request.withMetadata(Map.of("k", 1))
                        .withCallbackUrl("https://h/x")
                        .withIdempotencyKey("key")))
                .isEqualTo(json("{'input':[{'prompt':'a','client_ref':'r1'},{'prompt':'b'}],'metadata':{'k':1},"
                        + "'callback_url':'https://h/x'}"));
    }

    @Test
    void anAssetUploadBodyHasNameTypeAndSize() {
        JsonNode body = AssetWire.assetUploadBody(new AssetUploadRequest("cat.png", "image/png", 42));
        assertThat(body.toString())
                .isEqualTo("{\"filename\":\"cat.png\",\"mime_type\":\"image/png\",\"size_bytes\":42}");
    }

    @Test
    void aConfirmationBodyHasTheFolderOnlyWhenGiven() {
        assertThat(AssetWire.assetConfirmationBody(null)).isEqualTo(json("{}"));
        assertThat(AssetWire.assetConfirmationBody("f1")).isEqualTo(json("{'folder_id':'f1'}"));
    }

    @Test
    void aThresholdBodyIsAPlainDecimalString() {
        assertThat(AccountWire.balanceThresholdBody(new BigDecimal("1E+1")))
                .isEqualTo(json("{'low_balance_threshold':'10'}"));
    }

    @Test
    void aSecretUpdateBodyHasOnlyWhatChanges() {
        assertThat(CallbackSecretWire.callbackSecretUpdateBody(CallbackSecretUpdate.promote()))
                .isEqualTo(json("{'is_current':true}"));
        assertThat(CallbackSecretWire.callbackSecretUpdateBody(CallbackSecretUpdate.relabel("prod")))
                .isEqualTo(json("{'label':'prod'}"));
        assertThat(CallbackSecretWire.callbackSecretUpdateBody(new CallbackSecretUpdate("prod", false)))
                .isEqualTo(json("{'label':'prod','is_current':false}"));
    }

    @Test
    void createAndCancelBodiesCarryTheirOptionalText() {
        assertThat(CallbackSecretWire.callbackSecretCreateBody(null)).isEqualTo(json("{}"));
        assertThat(CallbackSecretWire.callbackSecretCreateBody("prod")).isEqualTo(json("{'label':'prod'}"));
        assertThat(RunWire.cancellationBody(null)).isEqualTo(json("{}"));
        assertThat(RunWire.cancellationBody("not needed")).isEqualTo(json("{'reason':'not needed'}"));
    }

    @Test
    void aPageNeedsAnItemsArray() {
        for (String body : List.of("[]", "{}", "{'items':{}}")) {
            assertThatThrownBy(() -> RunflowJson.page(json(body), JsonNode::asText))
                    .as(body)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a list response must be an object with an \"items\" array");
        }
        assertThatThrownBy(() -> RunflowJson.page(null, JsonNode::asText))
                .hasMessage("a list response must be an object with an \"items\" array");
    }

    @Test
    void aPageItemTheReaderCannotMakeNamesItsIndex() {
        assertThatThrownBy(() -> RunflowJson.page(
                        json("{'items':['a','b']}"), n -> n.asText().equals("b") ? null : "a"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("item 1 of a list response is null");
    }

    @Test
    void aPageReadsItsItemsAndCursors() {
        Page<String> page = RunflowJson.page(
                json("{'items':['a','b'],'first':'c0','next':'c2','previous':'c1'}"), JsonNode::asText);
        assertThat(page.items()).containsExactly("a", "b");
        assertThat(page.first()).isEqualTo("c0");
        assertThat(page.next()).isEqualTo("c2");
        assertThat(page.previous()).isEqualTo("c1");
    }

    @Test
    void theListRecordsCopyTheirLists() {
        java.util.ArrayList<io.runflow.model.AssetType> types = new java.util.ArrayList<>();
        types.add(new io.runflow.model.AssetType("image/png", null, null));
        RunflowJson.AssetTypeList list = new RunflowJson.AssetTypeList(types);
        types.clear();
        assertThat(list.types()).hasSize(1);
        java.util.ArrayList<io.runflow.model.RunStatusDefinition> statuses = new java.util.ArrayList<>();
        statuses.add(new io.runflow.model.RunStatusDefinition(
                "queued", io.runflow.model.RunStatus.QUEUED, null, null, null));
        RunflowJson.RunStatusList statusList = new RunflowJson.RunStatusList(statuses);
        statuses.clear();
        assertThat(statusList.statuses()).hasSize(1);
    }
}
