package io.runflow.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.runflow.model.Asset;
import io.runflow.model.AssetType;
import io.runflow.model.AssetUpload;
import io.runflow.model.Balance;
import io.runflow.model.Batch;
import io.runflow.model.BatchItem;
import io.runflow.model.Me;
import io.runflow.model.RunLog;
import io.runflow.model.RunStatus;
import io.runflow.model.RunStatusDefinition;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading the batch, asset, account, log and status shapes of the API into records. */
class WireReadersTest {

    private static JsonNode json(String text) {
        try {
            return RunflowJson.mapper().readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void readsABatchWithItemsInSequenceOrder() {
        Batch batch = BatchWire.batch(
                json("{'id':'b1','status_code':'running','target_type':'model','target_id':'m/x',"
                        + "'items_total':3,'items_succeeded':1,'items_failed':1,'items_cancelled':0,"
                        + "'cost':'0.25','callback_url':'https://h','request_id':'req-body',"
                        + "'created_at':'2026-05-06T10:00:00Z',"
                        + "'items':[{'id':'i2','sequence_index':2,'status_code':'queued'},"
                        + "{'id':'i0','sequence_index':0,'status_code':'succeeded'},"
                        + "{'id':'in','status_code':'queued'},{'status_code':'queued'},"
                        + "{'id':'i1','sequence_index':1,'status':'failed'}]}"),
                "req-header");

        assertThat(batch.id()).isEqualTo("b1");
        assertThat(batch.status()).isEqualTo(RunStatus.RUNNING);
        assertThat(batch.statusCode()).isEqualTo("running");
        assertThat(batch.targetType()).isEqualTo("model");
        assertThat(batch.targetId()).isEqualTo("m/x");
        assertThat(batch.itemsTotal()).isEqualTo(3);
        assertThat(batch.itemsSucceeded()).isEqualTo(1);
        assertThat(batch.itemsFailed()).isEqualTo(1);
        assertThat(batch.itemsCancelled()).isZero();
        assertThat(batch.items()).extracting(BatchItem::id).containsExactly("i0", "i1", "i2", "in");
        assertThat(batch.items().get(1).status()).isEqualTo(RunStatus.FAILED);
        assertThat(batch.cost()).isEqualByComparingTo("0.25");
        assertThat(batch.callbackUrl()).isEqualTo("https://h");
        assertThat(batch.requestId()).isEqualTo("req-body");
        assertThat(batch.createdAt()).isNotNull();
    }

    @Test
    void aBatchWithoutCountsCountsItsItemsAndTakesTheHeaderRequestId() {
        Batch batch =
                BatchWire.batch(json("{'id':'b1','status':'queued','request_id':' ','items':[{'id':'a'}]}"), "req-h");

        assertThat(batch.itemsTotal()).isEqualTo(1);
        assertThat(batch.itemsSucceeded()).isZero();
        assertThat(batch.itemsPending()).isEqualTo(1);
        assertThat(batch.requestId()).isEqualTo("req-h");
        assertThat(batch.status()).isEqualTo(RunStatus.QUEUED);
    }

    @Test
    void aBatchNeedsAnObjectWithAnId() {
        assertThatThrownBy(() -> BatchWire.batch(json("{'status':'queued'}"), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("batch has no \"id\"");
        assertThatThrownBy(() -> BatchWire.batch(json("{'id':' '}"), null)).hasMessage("batch has no \"id\"");
        assertThatThrownBy(() -> BatchWire.batch(json("[]"), null))
                .hasMessage("batch must be a JSON object, got ARRAY");
        assertThatThrownBy(() -> BatchWire.batch(null, null)).hasMessage("batch must be a JSON object, got nothing");
    }

    @Test
    void readsABatchCallback() {
        Batch batch = BatchWire.batchFromCallback(
                JsonValues.of(json("{'batch_id':'b1','status':'partial_succeeded','metadata':{'k':1},"
                        + "'output':{'total':4,'succeeded':2,'failed':1,'cancelled':1,"
                        + "'items':[{'id':'i0','status':'succeeded'},{'nope':1}]}}")),
                "req-1");

        assertThat(batch.id()).isEqualTo("b1");
        assertThat(batch.status()).isEqualTo(RunStatus.PARTIAL_SUCCEEDED);
        assertThat(batch.itemsTotal()).isEqualTo(4);
        assertThat(batch.itemsSucceeded()).isEqualTo(2);
        assertThat(batch.itemsFailed()).isEqualTo(1);
        assertThat(batch.itemsCancelled()).isEqualTo(1);
        assertThat(batch.items()).extracting(BatchItem::id).containsExactly("i0");
        assertThat(batch.requestId()).isEqualTo("req-1");
        assertThat(batch.metadata().path("k").asNumber().orElseThrow().intValue())
                .isEqualTo(1);
        assertThat(batch.output().path("total").asNumber().orElseThrow().intValue())
                .isEqualTo(4);
    }

    @Test
    void aBatchCallbackWithoutCountsCountsItsItems() {
        Batch batch = BatchWire.batchFromCallback(
                JsonValues.of(
                        json("{'batch_id':'b1','status':'succeeded','output':{'items':[{'id':'a'},{'id':'b'}]}}")),
                null);
        assertThat(batch.itemsTotal()).isEqualTo(2);
        assertThat(batch.itemsSucceeded()).isZero();
        assertThatThrownBy(() -> BatchWire.batchFromCallback(JsonValues.of(json("{'status':'succeeded'}")), null))
                .hasMessage("batch callback has no \"batch_id\"");
    }

    @Test
    void readsAFullBatchItemWithItsRunAndOutput() {
        BatchItem item = BatchWire.batchItem(json("{'id':'i1','batch_id':'b1','sequence_index':4,'run_id':'r1',"
                + "'status_code':'succeeded','client_ref':'sku-1','input':{'prompt':'p'},'cost':'0.1',"
                + "'output':{'outputs':[{'url':'https://f/1.png','type':'image'}]},'error':{'code':'x'},"
                + "'run':{'id':'r1','status_code':'succeeded'}}"));

        assertThat(item.id()).isEqualTo("i1");
        assertThat(item.batchId()).isEqualTo("b1");
        assertThat(item.sequenceIndex()).isEqualTo(4);
        assertThat(item.runId()).isEqualTo("r1");
        assertThat(item.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(item.clientRef()).isEqualTo("sku-1");
        assertThat(item.input().path("prompt").asString().orElseThrow()).isEqualTo("p");
        assertThat(item.cost()).isEqualByComparingTo("0.1");
        assertThat(item.output()).isNotNull();
        assertThat(item.output().outputs()).hasSize(1);
        assertThat(item.error().path("code").asString().orElseThrow()).isEqualTo("x");
        assertThat(item.run()).isNotNull();
        assertThat(item.run().id()).isEqualTo("r1");
    }

    @Test
    void aLeanBatchItemHasNoRunAndNoOutput() {
        BatchItem item = BatchWire.batchItem(
                json("{'id':'i1','status':'running','output':'not an object','run':{'status':'running'}}"));
        assertThat(item.output()).isNull();
        assertThat(item.run()).isNull();
        assertThatThrownBy(() -> BatchWire.batchItem(json("{'status':'running'}")))
                .hasMessage("batch item has no \"id\"");
    }

    @Test
    void readsAnUploadSessionAndNeedsBothFields() {
        AssetUpload upload = AssetWire.assetUpload(json("{'asset_id':'up_1','upload_url':'https://s/x'}"));
        assertThat(upload.assetUploadId()).isEqualTo("up_1");
        assertThat(upload.uploadUrl()).isEqualTo("https://s/x");
        assertThatThrownBy(() -> AssetWire.assetUpload(json("{'asset_id':'up_1'}")))
                .hasMessage("asset upload has no \"upload_url\"");
        assertThatThrownBy(() -> AssetWire.assetUpload(json("{'upload_url':'u'}")))
                .hasMessage("asset upload has no \"asset_id\"");
    }

    @Test
    void readsAnAssetUnderEitherFieldName() {
        Asset asset = AssetWire.asset(
                json(
                        "{'id':'a1','org_id':'o','folder_id':'f','filename':'cat.png','url':'https://u',"
                                + "'thumbnail_url':'https://t','content_type':'image/png','size_bytes':42,'asset_type':'image'}"),
                "req-h");
        assertThat(asset.id()).isEqualTo("a1");
        assertThat(asset.orgId()).isEqualTo("o");
        assertThat(asset.folderId()).isEqualTo("f");
        assertThat(asset.name()).isEqualTo("cat.png");
        assertThat(asset.url()).isEqualTo("https://u");
        assertThat(asset.thumbnailUrl()).isEqualTo("https://t");
        assertThat(asset.mimeType()).isEqualTo("image/png");
        assertThat(asset.sizeBytes()).isEqualTo(42L);
        assertThat(asset.assetType()).isEqualTo("image");
        assertThat(asset.requestId()).isEqualTo("req-h");
        Asset named = AssetWire.asset(json("{'id':'a1','name':'n','mime_type':'image/jpeg'}"), null);
        assertThat(named.name()).isEqualTo("n");
        assertThat(named.mimeType()).isEqualTo("image/jpeg");
    }

    @Test
    void readsAssetTypesAsStringsOrObjectsInAnyEnvelope() {
        assertThat(AssetWire.assetTypes(json("['image/png',' ','video/mp4',3]")))
                .extracting(AssetType::mimeType)
                .containsExactly("image/png", "video/mp4");
        List<AssetType> types = AssetWire.assetTypes(
                json("{'items':[{'mime_type':'image/png','asset_type':'image'},{'code':'audio/wav','type':'audio'},"
                        + "{'nothing':1}]}"));
        assertThat(types).extracting(AssetType::mimeType).containsExactly("image/png", "audio/wav");
        assertThat(types).extracting(AssetType::assetType).containsExactly("image", "audio");
        assertThat(AssetWire.assetTypes(json("{'types':['image/gif']}")))
                .extracting(AssetType::mimeType)
                .containsExactly("image/gif");
        assertThat(AssetWire.assetTypes(json("{'mime_types':['image/avif']}")))
                .extracting(AssetType::mimeType)
                .containsExactly("image/avif");
        assertThatThrownBy(() -> AssetWire.assetTypes(json("{'other':[]}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("asset types must be a JSON array or an object with \"items\"");
        assertThatThrownBy(() -> AssetWire.assetTypes(null))
                .hasMessage("asset types must be a JSON array or an object with \"items\"");
    }

    @Test
    void readsMeWithMembershipsInEveryShape() {
        Me me = AccountWire.me(json("{'id':'u1','email':'a@b.c','first_name':'A','last_name':'B',"
                + "'avatar_url':'https://a','timezone':'UTC','locale_code':'en',"
                + "'memberships':[{'org':{'id':'o1','name':'One','slug':'one','plan_code':'pro'},'role_code':'owner',"
                + "'scopes':['runs:write',7]},{'organization':{'id':'o2'},'role_code':'member'},"
                + "{'org_id':'o3'},{'role_code':'orphan'}],"
                + "'organizations':[{'id':'o1','name':'One'},{'name':'no id'}]}"));

        assertThat(me.id()).isEqualTo("u1");
        assertThat(me.email()).isEqualTo("a@b.c");
        assertThat(me.firstName()).isEqualTo("A");
        assertThat(me.lastName()).isEqualTo("B");
        assertThat(me.avatarUrl()).isEqualTo("https://a");
        assertThat(me.timezone()).isEqualTo("UTC");
        assertThat(me.localeCode()).isEqualTo("en");
        assertThat(me.memberships()).extracting(m -> m.organization().id()).containsExactly("o1", "o2", "o3");
        assertThat(me.memberships().get(0).organization().planCode()).isEqualTo("pro");
        assertThat(me.memberships().get(0).organization().slug()).isEqualTo("one");
        assertThat(me.memberships().get(0).scopes()).containsExactly("runs:write");
        assertThat(me.memberships().get(1).roleCode()).isEqualTo("member");
        assertThat(me.organizations()).extracting(o -> o.name()).containsExactly("One");
        assertThatThrownBy(() -> AccountWire.me(json("{}"))).hasMessage("user has no \"id\"");
    }

    @Test
    void readsTheBalanceInUnitsOrCents() {
        Balance balance =
                AccountWire.balance(json("{'id':'b','org_id':'o','balance':'12.50','low_balance_threshold':'5'}"));
        assertThat(balance.balance()).isEqualByComparingTo("12.50");
        assertThat(balance.lowBalanceThreshold()).isEqualByComparingTo("5");
        assertThat(balance.id()).isEqualTo("b");
        assertThat(balance.orgId()).isEqualTo("o");
        assertThat(AccountWire.balance(json("{'balance_cents':1250}")).balance())
                .isEqualTo(new BigDecimal("12.50"));
        assertThatThrownBy(() -> AccountWire.balance(json("{'id':'b'}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("balance has neither \"balance\" nor \"balance_cents\"");
    }

    @Test
    void readsARunLog() {
        RunLog log = RunWire.runLog(
                json("{'id':'l1','run_id':'r1','level_code':'warn','message':'slow','timestamp':'2026-05-06T10:00:00Z',"
                        + "'meta':{'gpu':'a100'}}"));
        assertThat(log.id()).isEqualTo("l1");
        assertThat(log.runId()).isEqualTo("r1");
        assertThat(log.level()).isEqualTo("warn");
        assertThat(log.message()).isEqualTo("slow");
        assertThat(log.timestamp()).isNotNull();
        assertThat(log.meta().path("gpu").asString().orElseThrow()).isEqualTo("a100");
        assertThat(RunWire.runLog(json("{'id':'l2','level':'info'}")).level()).isEqualTo("info");
        assertThatThrownBy(() -> RunWire.runLog(json("{}"))).hasMessage("run log has no \"id\"");
    }

    @Test
    void readsRunStatusesAsStringsOrObjects() {
        List<RunStatusDefinition> statuses = RunWire.runStatuses(json("{'items':['queued',' ',"
                + "{'code':'succeeded','is_terminal':true,'description':'done'},"
                + "{'status_code':'running','terminal':false,'name':'Running'},{'value':'failed'},{'other':1}]}"));

        assertThat(statuses)
                .extracting(RunStatusDefinition::code)
                .containsExactly("queued", "succeeded", "running", "failed");
        assertThat(statuses)
                .extracting(RunStatusDefinition::status)
                .containsExactly(RunStatus.QUEUED, RunStatus.SUCCEEDED, RunStatus.RUNNING, RunStatus.FAILED);
        assertThat(statuses.get(0).terminal()).isNull();
        assertThat(statuses.get(0).description()).isNull();
        assertThat(statuses.get(1).terminal()).isTrue();
        assertThat(statuses.get(1).description()).isEqualTo("done");
        assertThat(statuses.get(2).terminal()).isFalse();
        assertThat(statuses.get(2).description()).isEqualTo("Running");
        assertThat(statuses.get(3).terminal()).isNull();
        assertThat(RunWire.runStatuses(json("{'statuses':['canceled']}")))
                .extracting(RunStatusDefinition::status)
                .containsExactly(RunStatus.CANCELED);
        assertThat(RunWire.runStatuses(json("['queued']"))).hasSize(1);
        assertThatThrownBy(() -> RunWire.runStatuses(json("{}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("run statuses must be a JSON array or an object with \"items\"");
    }
}
