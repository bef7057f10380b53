package io.runflow.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BatchRequestTest {

    private static final String MODEL = "runflow/object-removal/prompt";

    private static List<BatchInput> items(int count) {
        List<BatchInput> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            items.add(BatchInput.of(Map.of("prompt", "p" + i)));
        }
        return items;
    }

    @Test
    void acceptsOneAndAHundredItems() {
        assertThat(BatchRequest.of(MODEL, items(1)).inputs()).hasSize(1);
        assertThat(BatchRequest.of(MODEL, items(100)).inputs()).hasSize(100);
    }

    @Test
    void rejectsAnEmptyBatchAndOneOfMoreThanAHundredItems() {
        assertThatThrownBy(() -> BatchRequest.of(MODEL, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a batch needs 1 to 100 inputs, got 0");
        assertThatThrownBy(() -> BatchRequest.of(MODEL, items(101)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a batch needs 1 to 100 inputs, got 101");
    }

    @Test
    void checksTheModelIdAsARunRequestDoes() {
        assertThatThrownBy(() -> BatchRequest.of("owner//slug", items(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BatchRequest.of(" ", items(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void namesTheNullItemByItsIndex() {
        List<BatchInput> inputs = new ArrayList<>(items(2));
        inputs.add(null);
        assertThatThrownBy(() -> BatchRequest.of(MODEL, inputs))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("inputs[2]");
    }

    @Test
    void copiesTheItemList() {
        List<BatchInput> inputs = new ArrayList<>(items(2));
        BatchRequest request = BatchRequest.of(MODEL, inputs);
        inputs.clear();
        assertThat(request.inputs()).hasSize(2);
    }

    @Test
    void keepsTheItemsInOrder() {
        BatchRequest request = BatchRequest.of(MODEL, items(3));
        assertThat(request.inputs())
                .extracting(i -> i.input().path("prompt").asString().orElseThrow())
                .containsExactly("p0", "p1", "p2");
    }

    @Test
    void fromTypedInputsTakesTheirModel() {
        ModelInput fox = () -> RunRequest.of(MODEL, Map.of("prompt", "a fox"));
        ModelInput cat = () -> RunRequest.of(MODEL, Map.of("prompt", "a cat"));

        BatchRequest request = BatchRequest.of(List.of(fox, cat));

        assertThat(request.modelId()).isEqualTo(MODEL);
        assertThat(request.inputs())
                .extracting(i -> i.input().path("prompt").asString().orElseThrow())
                .containsExactly("a fox", "a cat");
        assertThat(request.inputs()).allSatisfy(i -> assertThat(i.clientRef()).isNull());
    }

    @Test
    void fromTypedInputsRejectsInputsForTwoModels() {
        ModelInput fox = () -> RunRequest.of(MODEL, Map.of("prompt", "a fox"));
        ModelInput other = () -> RunRequest.of("other/model", Map.of("prompt", "a cat"));

        assertThatThrownBy(() -> BatchRequest.of(List.of(fox, other)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a batch runs one model; got inputs for " + MODEL + " and other/model");
    }

    @Test
    void fromTypedInputsRejectsAnEmptyList() {
        assertThatThrownBy(() -> BatchRequest.of(Collections.<ModelInput>emptyList()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a batch needs 1 to 100 inputs, got 0");
    }

    @Test
    void withCallbackUrlSetsItAndKeepsTheRest() {
        BatchRequest request =
                BatchRequest.of(MODEL, items(2)).withIdempotencyKey("key-1").withCallbackUrl("https://example.com/h");

        assertThat(request.callbackUrl()).isEqualTo("https://example.com/h");
        assertThat(request.idempotencyKey()).isEqualTo("key-1");
        assertThat(request.modelId()).isEqualTo(MODEL);
        assertThat(request.inputs()).hasSize(2);
        assertThat(request.withCallbackUrl(URI.create("https://example.com/u")).callbackUrl())
                .isEqualTo("https://example.com/u");
        assertThat(request.withCallbackUrl((String) null).callbackUrl()).isNull();
    }

    @Test
    void validatesTheCallbackUrl() {
        assertThatThrownBy(() -> BatchRequest.of(MODEL, items(1)).withCallbackUrl("ftp://example.com/h"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("callbackUrl must be an absolute http or https URL with a host");
    }

    @Test
    void withMetadataFromAMapBuildsAnObject() {
        BatchRequest request = BatchRequest.of(MODEL, items(1))
                .withCallbackUrl("https://example.com/h")
                .withMetadata(Map.of("order", 7));

        assertThat(request.metadata().path("order").asNumber().orElseThrow().intValue())
                .isEqualTo(7);
        assertThat(request.callbackUrl()).isEqualTo("https://example.com/h");
        assertThat(request.withMetadata((Map<String, ?>) null).metadata()).isSameAs(JsonValue.JsonNull.INSTANCE);
    }

    @Test
    void withMetadataFromJsonAcceptsAnObjectOrNull() {
        JsonValue tree = JsonValue.object(Map.of("order", 7));
        BatchRequest request = BatchRequest.of(MODEL, items(1)).withMetadata(tree);

        assertThat(request.metadata()).isEqualTo(tree);
        assertThat(request.withMetadata(JsonValue.JsonNull.INSTANCE).metadata()).isSameAs(JsonValue.JsonNull.INSTANCE);
        assertThat(request.withMetadata((JsonValue) null).metadata()).isSameAs(JsonValue.JsonNull.INSTANCE);
    }

    @Test
    void withMetadataFromJsonRejectsANonObject() {
        assertThatThrownBy(() -> BatchRequest.of(MODEL, items(1)).withMetadata(JsonValue.JsonArray.EMPTY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("metadata must be a JSON object, got array");
    }

    @Test
    void metadataIsSharedNotCopied() {
        JsonValue tree = JsonValue.object(Map.of("order", 7));
        BatchRequest request = BatchRequest.of(MODEL, items(1)).withMetadata(tree);

        assertThat(request.metadata()).isSameAs(tree);
    }

    @Test
    void acceptsAnIdempotencyKeyOf255VisibleCharacters() {
        String key = "k".repeat(255);
        assertThat(BatchRequest.of(MODEL, items(1)).withIdempotencyKey(key).idempotencyKey())
                .isEqualTo(key);
        assertThat(BatchRequest.of(MODEL, items(1)).withIdempotencyKey("!~").idempotencyKey())
                .isEqualTo("!~");
    }

    @Test
    void rejectsIdempotencyKeysThatCannotTravelInAHeader() {
        for (String key : List.of("", " ", "k".repeat(256), "a b", "caf\u00e9", "a\u007f")) {
            assertThatThrownBy(() -> BatchRequest.of(MODEL, items(1)).withIdempotencyKey(key))
                    .as(key)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("idempotencyKey must be 1 to 255 visible ASCII characters");
        }
    }

    @Test
    void toStringShowsTheModelTheCountAndWhetherACallbackIsSet() {
        BatchRequest request = BatchRequest.of(MODEL, items(3));
        assertThat(request.toString()).isEqualTo("BatchRequest[modelId=" + MODEL + ", inputs=3, callbackUrl=false]");
        assertThat(request.withCallbackUrl("https://example.com/secret-path").toString())
                .isEqualTo("BatchRequest[modelId=" + MODEL + ", inputs=3, callbackUrl=true]");
    }
}
