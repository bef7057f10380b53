package io.runflow.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The lenient field readers: what each JSON shape of a field reads as. */
class JsonFieldsTest {

    private static final JsonNode NODE = json("{'s':'text','n':7,'big':12345678901,'huge':1e30,'f':2.5,'b':true,"
            + "'nul':null,'o':{'k':1},'a':[1],'ns':' 42 ','fs':'2.50','bad':'x','neg':-3,'whole':3.0,"
            + "'maxint':2147483647,'overint':2147483648,'minint':-2147483648,'underint':-2147483649}");

    private static JsonNode json(String text) {
        try {
            return RunflowJson.mapper().readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void textReadsScalarsAndNothingElse() {
        assertThat(JsonFields.text(NODE, "s")).isEqualTo("text");
        assertThat(JsonFields.text(NODE, "n")).isEqualTo("7");
        assertThat(JsonFields.text(NODE, "b")).isEqualTo("true");
        assertThat(JsonFields.text(NODE, "nul")).isNull();
        assertThat(JsonFields.text(NODE, "o")).isNull();
        assertThat(JsonFields.text(NODE, "a")).isNull();
        assertThat(JsonFields.text(NODE, "absent")).isNull();
    }

    @Test
    void firstTextTakesTheFirstFieldThatIsSet() {
        assertThat(JsonFields.firstText(NODE, "absent", "o", "s", "n")).isEqualTo("text");
        assertThat(JsonFields.firstText(NODE, "absent", "nul")).isNull();
    }

    @Test
    void longValueReadsWholeNumbersAndNumericText() {
        assertThat(JsonFields.longValue(NODE, "n")).isEqualTo(7L);
        assertThat(JsonFields.longValue(NODE, "big")).isEqualTo(12345678901L);
        assertThat(JsonFields.longValue(NODE, "neg")).isEqualTo(-3L);
        assertThat(JsonFields.longValue(NODE, "whole")).isEqualTo(3L);
        assertThat(JsonFields.longValue(NODE, "ns")).isEqualTo(42L);
    }

    @Test
    void longValueIsNullForFractionsOverflowAndNonNumbers() {
        assertThat(JsonFields.longValue(NODE, "f")).isNull();
        assertThat(JsonFields.longValue(NODE, "huge")).isNull();
        assertThat(JsonFields.longValue(NODE, "fs")).isNull();
        assertThat(JsonFields.longValue(NODE, "bad")).isNull();
        assertThat(JsonFields.longValue(NODE, "b")).isNull();
        assertThat(JsonFields.longValue(NODE, "o")).isNull();
        assertThat(JsonFields.longValue(NODE, "absent")).isNull();
        assertThat(JsonFields.longValue(json("{'x':99999999999999999999}"), "x"))
                .isNull();
    }

    @Test
    void intValueIsNullOutsideTheIntRange() {
        assertThat(JsonFields.intValue(NODE, "maxint")).isEqualTo(Integer.MAX_VALUE);
        assertThat(JsonFields.intValue(NODE, "minint")).isEqualTo(Integer.MIN_VALUE);
        assertThat(JsonFields.intValue(NODE, "overint")).isNull();
        assertThat(JsonFields.intValue(NODE, "underint")).isNull();
        assertThat(JsonFields.intValue(NODE, "absent")).isNull();
        assertThat(JsonFields.intValue(NODE, "n")).isEqualTo(7);
    }

    @Test
    void boolReadsOnlyBooleans() {
        assertThat(JsonFields.bool(NODE, "b")).isTrue();
        assertThat(JsonFields.bool(json("{'b':false}"), "b")).isFalse();
        assertThat(JsonFields.bool(json("{'b':'true'}"), "b")).isNull();
        assertThat(JsonFields.bool(NODE, "absent")).isNull();
    }

    @Test
    void decimalReadsNumbersAndNumericText() {
        assertThat(JsonFields.decimal(NODE, "f")).isEqualByComparingTo("2.5");
        assertThat(JsonFields.decimal(NODE, "fs")).isEqualByComparingTo("2.50");
        assertThat(JsonFields.decimal(NODE, "fs").scale()).isEqualTo(2);
        assertThat(JsonFields.decimal(NODE, "ns")).isEqualByComparingTo("42");
        assertThat(JsonFields.decimal(NODE, "n")).isEqualByComparingTo("7");
        assertThat(JsonFields.decimal(NODE, "bad")).isNull();
        assertThat(JsonFields.decimal(NODE, "nul")).isNull();
        assertThat(JsonFields.decimal(NODE, "b")).isNull();
        assertThat(JsonFields.decimal(NODE, "o")).isNull();
        assertThat(JsonFields.decimal(NODE, "absent")).isNull();
    }

    @Test
    void millisReadsADuration() {
        assertThat(JsonFields.millis(NODE, "n")).isEqualTo(Duration.ofMillis(7));
        assertThat(JsonFields.millis(NODE, "bad")).isNull();
    }

    @Test
    void treeIsNullForAbsentOrNullAndTheNodeOtherwise() {
        assertThat(JsonFields.tree(NODE, "o")).isEqualTo(json("{'k':1}"));
        assertThat(JsonFields.tree(NODE, "s").asText()).isEqualTo("text");
        assertThat(JsonFields.tree(NODE, "nul")).isNull();
        assertThat(JsonFields.tree(NODE, "absent")).isNull();
    }

    @Test
    void timestampIsNullWhenAbsent() {
        assertThat(JsonFields.timestamp(NODE, "absent")).isNull();
        assertThat(JsonFields.timestamp(json("{'t':'2026-05-06T10:00:00Z'}"), "t"))
                .isNotNull();
        assertThat(JsonFields.timestamp(NODE, "bad")).isNull();
    }
}
