package io.runflow.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runflow.model.JsonValue.JsonArray;
import io.runflow.model.JsonValue.JsonBoolean;
import io.runflow.model.JsonValue.JsonNull;
import io.runflow.model.JsonValue.JsonNumber;
import io.runflow.model.JsonValue.JsonObject;
import io.runflow.model.JsonValue.JsonString;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonValueTest {

    @Test
    void parsesEverySixKindsAndWritesThemBackCompactly() {
        String text =
                "{\"s\":\"a\\\"b\",\"n\":1.50,\"i\":-7,\"t\":true,\"f\":false,\"z\":null,\"a\":[1,{\"x\":[]}],\"o\":{}}";

        JsonValue value = JsonValue.parse(text);

        assertThat(value.toJson()).isEqualTo(text);
        assertThat(value.path("s")).isEqualTo(new JsonString("a\"b"));
        assertThat(value.path("n")).isEqualTo(new JsonNumber(new BigDecimal("1.5")));
        assertThat(value.path("t")).isSameAs(JsonBoolean.TRUE);
        assertThat(value.path("z")).isSameAs(JsonNull.INSTANCE);
        assertThat(value.path("a").path(1).path("x")).isEqualTo(JsonArray.EMPTY);
        assertThat(value.path("o")).isEqualTo(JsonObject.EMPTY);
    }

    @Test
    void keepsMemberOrderAsReceived() {
        JsonValue value = JsonValue.parse("{\"b\":1,\"a\":2,\"c\":3}");

        assertThat(((JsonObject) value).members().keySet()).containsExactly("b", "a", "c");
        assertThat(value.asMap().keySet()).containsExactly("b", "a", "c");
    }

    @Test
    void navigatesLenientlyThroughAbsentMembersAndOtherKinds() {
        JsonValue value = JsonValue.parse("{\"a\":[\"x\"]}");

        assertThat(value.path("missing").path("deeper").path(3).isNull()).isTrue();
        assertThat(value.path("a").path(0).asString()).contains("x");
        assertThat(value.path("a").path(1).isNull()).isTrue();
        assertThat(value.path("a").path(-1).isNull()).isTrue();
        assertThat(value.path("a").asString()).isEmpty();
        assertThat(new JsonString("1").asNumber()).isEmpty();
        assertThat(JsonNumber.of(1).asBoolean()).isEmpty();
        assertThat(((JsonObject) value).get("a")).isPresent();
        assertThat(((JsonObject) value).get("b")).isEmpty();
    }

    @Test
    void givesPlainJavaViewsWithWholeNumbersAsIntegersLongsOrBigIntegers() {
        JsonValue value =
                JsonValue.parse("{\"i\":42,\"l\":4000000000,\"b\":123456789012345678901234567890,\"d\":0.25,\"e\":2.0,"
                        + "\"s\":\"x\",\"t\":true,\"z\":null,\"a\":[1,\"y\"]}");

        Map<String, Object> plain = value.asMap();

        assertThat(plain.get("i")).isEqualTo(42);
        assertThat(plain.get("l")).isEqualTo(4_000_000_000L);
        assertThat(plain.get("b")).isEqualTo(new BigInteger("123456789012345678901234567890"));
        assertThat(plain.get("d")).isEqualTo(new BigDecimal("0.25"));
        assertThat(plain.get("e")).isEqualTo(2);
        assertThat(plain.get("s")).isEqualTo("x");
        assertThat(plain.get("t")).isEqualTo(true);
        assertThat(plain).containsEntry("z", null);
        assertThat(plain.get("a")).isEqualTo(Arrays.asList(1, "y"));
        assertThatThrownBy(() -> plain.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void refusesPlainViewsOfTheWrongKindButGivesEmptyOnesForNull() {
        assertThat(JsonNull.INSTANCE.asMap()).isEmpty();
        assertThat(JsonNull.INSTANCE.asList()).isEmpty();
        assertThatThrownBy(() -> new JsonString("x").asMap())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("not a JSON object but a string");
        assertThatThrownBy(() -> JsonObject.EMPTY.asList())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("not a JSON array but an object");
    }

    @Test
    void comparesNumbersByValue() {
        assertThat(new JsonNumber(new BigDecimal("1.0"))).isEqualTo(JsonNumber.of(1));
        assertThat(new JsonNumber(new BigDecimal("1.0")).hashCode())
                .isEqualTo(JsonNumber.of(1).hashCode());
        assertThat(new JsonNumber(new BigDecimal("0.00")).hashCode())
                .isEqualTo(JsonNumber.of(0).hashCode());
        assertThat(JsonNumber.of(1)).isNotEqualTo(JsonNumber.of(2));
        assertThat(JsonNumber.of(7).longValue()).contains(7L);
        assertThat(new JsonNumber(new BigDecimal("7.5")).longValue()).isEmpty();
    }

    @Test
    void convertsPlainJavaData() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("prompt", "fox");
        data.put("seed", 42);
        data.put("ratio", 1.5f);
        data.put("raw", true);
        data.put("none", null);
        data.put("tags", List.of("a", 'b'));
        data.put("sizes", new int[] {1, 2});
        data.put("wait", Duration.ofSeconds(3));
        data.put("kind", RunStatus.SUCCEEDED);

        JsonValue value = JsonValue.from(data);

        assertThat(value.toJson())
                .isEqualTo("{\"prompt\":\"fox\",\"seed\":42,\"ratio\":1.5,\"raw\":true,\"none\":null,"
                        + "\"tags\":[\"a\",\"b\"],\"sizes\":[1,2],\"wait\":\"PT3S\",\"kind\":\"SUCCEEDED\"}");
        assertThat(JsonValue.object(Map.of("a", 1)).path("a")).isEqualTo(JsonNumber.of(1));
        assertThat(JsonValue.from(null)).isSameAs(JsonValue.nullValue());
    }

    @Test
    void namesThePlaceOfAValueWithoutJsonForm() {
        Map<String, Object> data = Map.of("input", Map.of("list", List.of(1, new Object())));

        assertThatThrownBy(() -> JsonValue.from(data))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("value.input.list[1] is a java.lang.Object, which has no JSON form"
                        + " (use strings, numbers, booleans, lists and maps)");
        assertThatThrownBy(() -> JsonValue.from(Map.of(1, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("value has a key that is not a string: java.lang.Integer");
        assertThatThrownBy(() -> JsonValue.from(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("value is NaN, which JSON cannot hold");
    }

    @Test
    void isImmutableAndUnaffectedByTheDataItWasBuiltFrom() {
        List<Object> list = new ArrayList<>(List.of(1));
        Map<String, Object> map = new HashMap<>(Map.of("l", list));
        JsonValue value = JsonValue.from(map);

        list.add(2);
        map.put("x", 3);

        assertThat(value.toJson()).isEqualTo("{\"l\":[1]}");
        assertThatThrownBy(() -> ((JsonObject) value).members().put("y", JsonNull.INSTANCE))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void escapesWhatAJsonStringMustEscape() {
        JsonString value = new JsonString("q\" b\\ n\n t\t c\u0001 ls\u2028 é");

        assertThat(value.toJson()).isEqualTo("\"q\\\" b\\\\ n\\n t\\t c\\u0001 ls\\u2028 é\"");
        assertThat(JsonValue.parse(value.toJson())).isEqualTo(value);
    }

    @Test
    void refusesTextThatIsNotOneJsonValueWithoutQuotingIt() {
        assertThatThrownBy(() -> JsonValue.parse(""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not JSON: the text is empty");
        assertThatThrownBy(() -> JsonValue.parse("{} {}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not JSON: more than one value in the text");
        assertThatThrownBy(() -> JsonValue.parse("{\"secret\": sk_live_abcdef}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not JSON: ")
                .hasMessageNotContaining("sk_live_abcdef");
    }

    @Test
    void appliesTheReadLimits() {
        String deep = "[".repeat(1001) + "]".repeat(1001);

        assertThatThrownBy(() -> JsonValue.parse(deep))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nesting depth");
        assertThat(JsonValue.parse("[".repeat(1000) + "]".repeat(1000))).isInstanceOf(JsonArray.class);
    }

    @Test
    void storesNullMembersAndElementsAsJsonNull() {
        Map<String, JsonValue> members = new HashMap<>();
        members.put("a", null);
        List<JsonValue> elements = new ArrayList<>();
        elements.add(null);

        assertThat(new JsonObject(members).path("a")).isSameAs(JsonNull.INSTANCE);
        assertThat(new JsonArray(elements).elements()).containsExactly(JsonNull.INSTANCE);
        assertThat(JsonNull.INSTANCE.toString()).isEqualTo("null");
        assertThat(new JsonString("x").toString()).isEqualTo("\"x\"");
    }
}
