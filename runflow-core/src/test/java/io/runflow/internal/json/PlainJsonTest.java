package io.runflow.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import io.runflow.internal.JsonLimits;
import io.runflow.model.JsonValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The plain reader gives Jackson's value for every body it reads, and gives up on everything else. */
class PlainJsonTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{}",
                " [ ] ",
                "{\"a\":1,\"b\":[true,false,null],\"c\":{\"d\":\"e\"}}",
                "{\"a\":1,\"a\":2,\"b\":3}",
                "{\"a\":1,\"b\":2,\"c\":3,\"d\":4,\"e\":5,\"f\":6,\"g\":7,\"h\":8}",
                "{\"a\":1,\"b\":2,\"c\":3,\"d\":4,\"e\":5,\"f\":6,\"g\":7,\"h\":8,\"i\":9,\"a\":0}",
                "{\"a\":1,\"b\":2,\"c\":3,\"d\":4,\"e\":5,\"f\":6,\"g\":7,\"h\":8,\"h\":9,\"i\":10}",
                "[0,-0,1,-1,-16,-17,255,256,123456789012345678,-123456789012345678]",
                "[1.5,-0.0,1e5,1E-5,2.5e+3,0.1,1e400,-1e400,1.7976931348623157e308]",
                "\"x\"",
                "12",
                "null",
                "{\"s\":\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u0041\\u00e9\\ud83d\\ude00\"}",
                "{\"na\\u006de\":1}",
                "\t{\r\n\"a\" : [ 1 , 2 ] }\n",
                "{\"event\":\"run.completed\",\"run_id\":\"r\",\"metadata\":{\"note\":\"~\u007f\"}}"
            })
    void readsWhatJacksonReads(String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);

        JsonValue plain = PlainJson.read(bytes);

        assertThat(plain).isNotNull().isEqualTo(jackson(bytes));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "   ",
                "{",
                "{\"a\":1",
                "{\"a\":1,}",
                "[1,]",
                "[01]",
                "[1.]",
                "[.5]",
                "[-]",
                "[+1]",
                "[1e]",
                "[NaN]",
                "[1234567890123456789]",
                "[truex]",
                "[nul]",
                "{\"a\"1}",
                "{'a':1}",
                "{a:1}",
                "{\"a\":1}{}",
                "{\"a\":1} x",
                "\"caf\u00e9\"",
                "\"tab\there\"",
                "\"bad \\x escape\"",
                "\"bad \\u12g4\"",
                "/* c */ {}",
                "\ufeff{}"
            })
    void givesUpOnAnythingElse(String json) {
        assertThat(PlainJson.read(json.getBytes(StandardCharsets.UTF_8))).isNull();
    }

    @Test
    void keepsMembersInOrderUnmodifiableAndEqualToAnyMap() throws IOException {
        for (int count : new int[] {0, 1, 8, 9, 20}) {
            StringBuilder json = new StringBuilder("{");
            for (int i = count - 1; i >= 0; i--) {
                json.append(i == count - 1 ? "" : ",")
                        .append("\"m")
                        .append(i)
                        .append("\":")
                        .append(i);
            }
            byte[] bytes = json.append("}").toString().getBytes(StandardCharsets.US_ASCII);
            JsonValue.JsonObject plain = (JsonValue.JsonObject) PlainJson.read(bytes);
            JsonValue.JsonObject jackson = (JsonValue.JsonObject) jackson(bytes);

            assertThat(plain).isEqualTo(jackson).hasSameHashCodeAs(jackson);
            assertThat(jackson).isEqualTo(plain);
            assertThat(plain.members().keySet())
                    .containsExactlyElementsOf(jackson.members().keySet());
            assertThat(plain.members().entrySet())
                    .containsExactlyElementsOf(jackson.members().entrySet());
            assertThat(plain.toString()).isEqualTo(jackson.toString());
            assertThat(plain.members().get("nope")).isNull();
            assertThat(plain.members().containsKey(new String("m0".toCharArray())))
                    .isEqualTo(count > 0);
            assertThatThrownBy(() -> plain.members().put("x", JsonValue.JsonNull.INSTANCE))
                    .isInstanceOf(UnsupportedOperationException.class);
            if (count > 0) {
                assertThatThrownBy(() -> plain.members().keySet().clear())
                        .isInstanceOf(UnsupportedOperationException.class);
                assertThatThrownBy(() ->
                                plain.members().entrySet().iterator().next().setValue(null))
                        .isInstanceOf(UnsupportedOperationException.class);
            }
        }
    }

    @Test
    void givesUpOnDeepNesting() {
        String json = "[".repeat(65) + "]".repeat(65);

        assertThat(PlainJson.read(json.getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(PlainJson.read(("[".repeat(64) + "]".repeat(64)).getBytes(StandardCharsets.UTF_8)))
                .isNotNull();
    }

    @Test
    void sharesNamesAndStillTellsThemApart() throws IOException {
        for (int i = 0; i < 2000; i++) {
            byte[] bytes = ("{\"n" + i + "\":" + i + ",\"run_id\":\"x\"}").getBytes(StandardCharsets.US_ASCII);
            assertThat(PlainJson.read(bytes)).isEqualTo(jackson(bytes));
        }
    }

    /** "request_id" and "prompt" share a slot of the name cache, and both are in every run's answer. */
    @Test
    void readsNamesThatShareACacheSlotAsTheSameInternedStrings() throws IOException {
        byte[] bytes = "{\"request_id\":\"req_1\",\"input\":{\"prompt\":\"a cat\"},\"status\":\"queued\"}"
                .getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < 3; i++) {
            JsonValue.JsonObject run = (JsonValue.JsonObject) PlainJson.read(bytes);
            assertThat(run).isEqualTo(jackson(bytes));
            String requestId = run.members().keySet().iterator().next();
            String prompt = ((JsonValue.JsonObject) run.members().get("input"))
                    .members()
                    .keySet()
                    .iterator()
                    .next();
            assertThat(requestId).isSameAs("request_id");
            assertThat(prompt).isSameAs("prompt");
        }
    }

    @Test
    void tellsApartNamesThatShareTheirFirstWords() throws IOException {
        String[] names = {
            "",
            "a",
            "abcdefg",
            "abcdefgh",
            "abcdefghi",
            "abcdefghabcdefgh",
            "abcdefghabcdefghX",
            "x".repeat(32),
            "x".repeat(31) + "y",
            "x".repeat(33),
            "x".repeat(40)
        };
        for (int round = 0; round < 2; round++) {
            for (String name : names) {
                for (String body :
                        new String[] {"{\"" + name + "\":1}", "{\"" + name + "\":1, \"tail\": [1, 2, 3, 4, 5]}"}) {
                    byte[] bytes = body.getBytes(StandardCharsets.US_ASCII);
                    JsonValue plain = PlainJson.read(bytes);
                    assertThat(plain).as(body).isEqualTo(jackson(bytes));
                    assertThat(((JsonValue.JsonObject) plain).members()).containsKey(name);
                }
            }
        }
    }

    /** Random plain bodies, and the same bodies with one byte changed: read alike, or left to Jackson. */
    @Test
    void agreesWithJacksonOnRandomBodies() throws IOException {
        Random random = new Random(24);
        String alphabet = "{}[],:\"\\ 0123456789.-+eEtruefalsnl\u00e9\tabc/u";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(24);
            for (int j = 0; j < length; j++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            JsonValue plain = PlainJson.read(bytes);
            if (plain != null) {
                assertThat(plain).as(text.toString()).isEqualTo(jackson(bytes));
            }
        }
    }

    private static JsonValue jackson(byte[] bytes) throws IOException {
        try (JsonParser parser = JsonLimits.FACTORY.createParser(bytes)) {
            parser.nextToken();
            JsonValue value = JsonValues.read(parser);
            assertThat(parser.nextToken()).isNull();
            return value;
        }
    }
}
