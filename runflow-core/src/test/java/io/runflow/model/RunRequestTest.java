package io.runflow.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RunRequestTest {

    private static final Map<String, Object> INPUT = Map.of("prompt", "a fox");

    @ParameterizedTest
    @ValueSource(strings = {"owner/slug", "bytedance/seedance/2.0/fast/text-to-video", "runflow/object-removal/prompt"})
    void acceptsModelIdsOfOneOrMoreSegments(String modelId) {
        assertThat(RunRequest.of(modelId, INPUT).modelId()).isEqualTo(modelId);
    }

    @ParameterizedTest
    @ValueSource(strings = {"owner//slug", "/slug", "owner/", "owner/./slug", "owner/../slug", ".."})
    void rejectsModelIdsWithEmptyDotOrDotDotSegments(String modelId) {
        assertThatThrownBy(() -> RunRequest.of(modelId, INPUT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("modelId \"" + modelId
                        + "\" is invalid: segments separated by '/' must not be empty, '.' or '..'");
    }

    @Test
    void rejectsABlankModelId() {
        assertThatThrownBy(() -> RunRequest.of(" ", INPUT))
                .hasMessage("modelId is required, for example \"black-forest-labs/flux-1-1-pro-ultra\"");
    }

    @Test
    void requiresAnInputObject() {
        assertThatThrownBy(() -> new RunRequest("a/b", null, null, null, null, null))
                .hasMessage("input is required: pass the model's input as a JSON object");
        assertThatThrownBy(() -> RunRequest.of("a/b", JsonValue.JsonArray.EMPTY))
                .hasMessage("input must be a JSON object, got array");
    }

    @Test
    void acceptsACallbackUrlOfExactly2048Characters() {
        String url = "https://example.com/" + "a".repeat(2048 - 20);

        assertThat(RunRequest.of("a/b", INPUT).withCallbackUrl(url).callbackUrl())
                .hasSize(2048);
    }

    @Test
    void rejectsACallbackUrlOver2048Characters() {
        String url = "https://example.com/" + "a".repeat(2049 - 20);

        assertThatThrownBy(() -> RunRequest.of("a/b", INPUT).withCallbackUrl(url))
                .hasMessage("callbackUrl must be at most 2048 characters, got 2049");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"/relative/path", "ftp://example.com/hook", "mailto:someone@example.com", "https:///nohost"})
    void rejectsCallbackUrlsThatAreNotAbsoluteHttp(String url) {
        assertThatThrownBy(() -> RunRequest.of("a/b", INPUT).withCallbackUrl(url))
                .hasMessage("callbackUrl must be an absolute http or https URL with a host");
    }

    @Test
    void rejectsACallbackUrlThatIsNotAUrl() {
        assertThatThrownBy(() -> RunRequest.of("a/b", INPUT).withCallbackUrl("https://exa mple.com"))
                .hasMessageStartingWith("callbackUrl is not a valid URL: ");
    }

    @Test
    void requiresMetadataToBeAnObject() {
        assertThatThrownBy(() -> RunRequest.of("a/b", INPUT).withMetadata(new JsonValue.JsonString("x")))
                .hasMessage("metadata must be a JSON object, got string");
    }

    @Test
    void acceptsAClientRefOf255CharactersAndRejects256() {
        assertThat(RunRequest.of("a/b", INPUT).withClientRef("r".repeat(255)).clientRef())
                .hasSize(255);
        assertThatThrownBy(() -> RunRequest.of("a/b", INPUT).withClientRef("r".repeat(256)))
                .hasMessage("clientRef must be at most 255 characters, got 256");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "has space", "ünïcode"})
    void rejectsIdempotencyKeysThatCannotTravelInAHeader(String key) {
        assertThatThrownBy(() -> RunRequest.of("a/b", INPUT).withIdempotencyKey(key))
                .hasMessage("idempotencyKey must be 1 to 255 visible ASCII characters");
    }

    @Test
    void sharesItsImmutableInput() {
        JsonValue input = JsonValue.object(Map.of("prompt", "a fox"));
        RunRequest request = RunRequest.of("a/b", input);

        assertThat(request.input()).isSameAs(input);
    }

    @Test
    void toStringShowsNoInputOrCallbackUrl() {
        RunRequest request = RunRequest.of("a/b", Map.of("prompt", "private prompt"))
                .withCallbackUrl("https://example.com/hook?token=abc");

        assertThat(request.toString())
                .isEqualTo("RunRequest[modelId=a/b, callbackUrl=true, clientRef=null]")
                .doesNotContain("token");
    }

    @Test
    void eachWitherChangesOnlyItsField() {
        RunRequest request = RunRequest.of("a/b", INPUT)
                .withCallbackUrl("https://example.com/hook")
                .withMetadata(Map.of("order", 7))
                .withClientRef("ref-1")
                .withIdempotencyKey("key-1");

        assertThat(request.modelId()).isEqualTo("a/b");
        assertThat(request.input().path("prompt").asString().orElseThrow()).isEqualTo("a fox");
        assertThat(request.callbackUrl()).isEqualTo("https://example.com/hook");
        assertThat(request.metadata().path("order").asNumber().orElseThrow().intValue())
                .isEqualTo(7);
        assertThat(request.clientRef()).isEqualTo("ref-1");
        assertThat(request.idempotencyKey()).isEqualTo("key-1");
        assertThat(request.withCallbackUrl(java.net.URI.create("http://example.com/other"))
                        .callbackUrl())
                .isEqualTo("http://example.com/other");
        assertThat(request.withClientRef(null).idempotencyKey()).isEqualTo("key-1");
        assertThat(request.withIdempotencyKey(null).clientRef()).isEqualTo("ref-1");
        assertThat(request.withMetadata((Map<String, ?>) null).callbackUrl()).isEqualTo("https://example.com/hook");
    }

    @Test
    void metadataIsAbsentUntilSetAndClearedByNull() {
        RunRequest request = RunRequest.of("a/b", INPUT);
        assertThat(request.metadata()).isSameAs(JsonValue.JsonNull.INSTANCE);
        JsonValue tree = JsonValue.object(Map.of("order", 7));
        RunRequest withTree = request.withMetadata(tree);
        assertThat(withTree.metadata()).isEqualTo(tree);
        assertThat(withTree.withMetadata(JsonValue.JsonNull.INSTANCE).metadata())
                .isSameAs(JsonValue.JsonNull.INSTANCE);
        assertThat(withTree.withMetadata((JsonValue) null).metadata()).isSameAs(JsonValue.JsonNull.INSTANCE);
        assertThat(withTree.withMetadata((Map<String, ?>) null).metadata()).isSameAs(JsonValue.JsonNull.INSTANCE);
    }

    @Test
    void metadataIsSharedNotCopied() {
        JsonValue tree = JsonValue.object(Map.of("order", 7));
        RunRequest request = RunRequest.of("a/b", INPUT).withMetadata(tree);
        assertThat(request.metadata()).isSameAs(tree);
    }

    @Test
    void ofJsonRequiresAnInput() {
        assertThatThrownBy(() -> RunRequest.of("a/b", (JsonValue) null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("input is required: pass a JSON object");
    }

    @Test
    void acceptsAnIdempotencyKeyOf255VisibleCharactersAndRejects256() {
        assertThat(RunRequest.of("a/b", INPUT)
                        .withIdempotencyKey("!" + "k".repeat(253) + "~")
                        .idempotencyKey())
                .hasSize(255);
        assertThatThrownBy(() -> RunRequest.of("a/b", INPUT).withIdempotencyKey("k".repeat(256)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("idempotencyKey must be 1 to 255 visible ASCII characters");
        assertThatThrownBy(() -> RunRequest.of("a/b", INPUT).withIdempotencyKey("k\u007f"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void acceptsAnHttpCallbackUrlInAnyCase() {
        assertThat(RunRequest.of("a/b", INPUT)
                        .withCallbackUrl("HTTP://example.com/h")
                        .callbackUrl())
                .isEqualTo("HTTP://example.com/h");
    }

    @Test
    void toStringShowsTheClientRef() {
        assertThat(RunRequest.of("a/b", INPUT).withClientRef("ref-1").toString())
                .isEqualTo("RunRequest[modelId=a/b, callbackUrl=false, clientRef=ref-1]");
    }
}
