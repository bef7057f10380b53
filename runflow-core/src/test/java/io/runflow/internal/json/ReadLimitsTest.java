package io.runflow.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.StreamReadConstraints;
import io.runflow.errors.RunflowApiException;
import io.runflow.errors.RunflowDecodingException;
import io.runflow.model.Balance;
import io.runflow.model.JsonValue;
import io.runflow.model.Run;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The bounds that keep reading linear in the body's length, each tested on both sides: what the
 * parser accepts (nesting, number, name and string lengths) and what a field reader converts
 * (numeric text, decimal digits), and how much of an error body its message looks at.
 */
class ReadLimitsTest {

    private static final BodyReader RUN = BodyReader.of(RunflowJson.mapper(), Run.class);

    @Test
    void theMapperSetsItsOwnConstraintsWhateverTheJvmWideDefaults() {
        StreamReadConstraints constraints = RunflowJson.mapper().getFactory().streamReadConstraints();

        assertThat(constraints.getMaxNestingDepth()).isEqualTo(1_000);
        assertThat(constraints.getMaxNumberLength()).isEqualTo(1_000);
        assertThat(constraints.getMaxStringLength()).isEqualTo(20_000_000);
        assertThat(constraints.getMaxNameLength()).isEqualTo(50_000);
    }

    @Test
    void nestingToTheLimitIsRead() {
        // The run object is level 1; its input adds 999 more.
        String body = "{\"id\":\"r\",\"input\":" + "[".repeat(999) + "]".repeat(999) + "}";

        Run run = read(body);

        assertThat(run.input()).isInstanceOf(JsonValue.JsonArray.class);
    }

    @Test
    void nestingOneLevelPastTheLimitIsADecodingError() {
        String body = "{\"id\":\"r\",\"input\":" + "[".repeat(1_000) + "]".repeat(1_000) + "}";

        assertThatThrownBy(() -> read(body))
                .isInstanceOf(RunflowDecodingException.class)
                .hasMessageStartingWith("GET /v1/runs/{id}: cannot read Run: Document nesting depth (1001) exceeds the"
                        + " maximum allowed (1000");
    }

    @Test
    void aHundredThousandOpenBracketsStopAtTheLimitWithoutAStackOverflow() {
        String body = "[".repeat(100_000);

        assertThatThrownBy(() -> read(body))
                .isInstanceOf(RunflowDecodingException.class)
                .hasMessageContaining("nesting depth (1001)");
    }

    @Test
    void aNumberOfTheLongestLengthIsReadAndOneDigitMoreIsADecodingError() {
        String digits = "1" + "0".repeat(999);

        assertThat(read("{\"id\":\"r\",\"nodes_total\":" + digits + "}").id()).isEqualTo("r");
        assertThatThrownBy(() -> read("{\"id\":\"r\",\"nodes_total\":" + digits + "0}"))
                .isInstanceOf(RunflowDecodingException.class)
                .hasMessageContaining("Number value length (1001) exceeds the maximum allowed (1000");
    }

    @Test
    void aFieldNameOfTheLongestLengthIsReadAndOneCharacterMoreIsADecodingError() {
        String name = "n".repeat(50_000);

        assertThat(read("{\"id\":\"r\",\"" + name + "\":1}").raw().path(name).isNull())
                .isFalse();
        assertThatThrownBy(() -> read("{\"id\":\"r\",\"" + name + "n\":1}"))
                .isInstanceOf(RunflowDecodingException.class)
                .hasMessageContaining("Name length (50001) exceeds the maximum allowed (50000");
    }

    @Test
    void aStringOfTheLongestLengthIsReadAndOneCharacterMoreIsADecodingError() {
        String text = "s".repeat(20_000_000);

        assertThat(read("{\"id\":\"r\",\"client_ref\":\"" + text + "\"}").clientRef())
                .hasSize(20_000_000);
        assertThatThrownBy(() -> read("{\"id\":\"r\",\"client_ref\":\"" + text + "s\"}"))
                .isInstanceOf(RunflowDecodingException.class)
                .hasMessageContaining("String value length (20000001) exceeds the maximum allowed (20000000");
    }

    @Test
    void numericTextOfTheLongestNumberLengthIsReadAndLongerTextReadsAsNull() {
        String limit = "0".repeat(996) + "1234";
        String over = "0" + limit;

        assertThat(read("{\"id\":\"r\",\"duration_ms\":\"" + limit + "\"}").duration())
                .isEqualTo(Duration.ofMillis(1234));
        assertThat(read("{\"id\":\"r\",\"duration_ms\":\"" + over + "\"}").duration())
                .isNull();
    }

    @Test
    void aDecimalOfAThousandDigitsEitherSideOfItsPointIsReadAndOneMoreReadsAsNull() {
        assertThat(read("{\"id\":\"r\",\"cost\":\"1e999\"}").cost()).isEqualByComparingTo(BigDecimal.TEN.pow(999));
        assertThat(read("{\"id\":\"r\",\"cost\":\"1e1000\"}").cost()).isNull();
        assertThat(read("{\"id\":\"r\",\"cost\":\"1e-1000\"}").cost()).isEqualByComparingTo("1e-1000");
        assertThat(read("{\"id\":\"r\",\"cost\":\"1e-1001\"}").cost()).isNull();
    }

    @Test
    void aNumberNoDoubleHoldsReadsAsNullInsteadOfFailingTheRecord() {
        Run run = read("{\"id\":\"r\",\"cost\":1e400,\"duration_ms\":-1e400}");

        assertThat(run.cost()).isNull();
        assertThat(run.duration()).isNull();
    }

    @Test
    void aBalanceInCentsWithAnExponentPastTheBoundIsNoBalance() {
        BodyReader reader = BodyReader.of(RunflowJson.mapper(), Balance.class);

        assertThatThrownBy(() -> reader.read(
                        "GET /v1/billing/balance", 200, utf8("{\"balance_cents\":\"1e-2147483647\"}"), null))
                .isInstanceOf(RunflowDecodingException.class)
                .hasMessage("GET /v1/billing/balance: cannot read Balance: balance has neither \"balance\" nor"
                        + " \"balance_cents\"");
    }

    @Test
    void anErrorBodyThatIsNotTheEnvelopeIsLookedAtForItsFirst16KiBOnly() {
        // A '<' is only markup if a '>' follows; one at 16 KiB + 1 is past what is looked at.
        byte[] body = utf8("<".repeat(16 * 1024) + ">tail");

        RunflowApiException e = ApiErrors.toException(502, Map.of(), body);

        assertThat(e).hasMessage("502: response was not Runflow's error envelope: " + "<".repeat(200) + "...");
    }

    @Test
    void aServerMessageIsCutToAThousandCharactersAndFieldErrorsToTheFirstTen() {
        StringBuilder errors = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            errors.append(i == 0 ? "" : ",").append("{\"field\":\"f").append(i).append("\",\"message\":\"bad\"}");
        }
        byte[] body = utf8("{\"code\":\"VALIDATION_ERROR\",\"message\":\"" + "m".repeat(1_001) + "\",\"errors\":["
                + errors + "]}");

        RunflowApiException e = ApiErrors.toException(422, Map.of(), body);

        assertThat(e.getMessage())
                .isEqualTo("422 VALIDATION_ERROR: " + "m".repeat(1_000) + "... [f0: bad, f1: bad, f2: bad, f3: bad,"
                        + " f4: bad, f5: bad, f6: bad, f7: bad, f8: bad, f9: bad, ... 2 more]");
        assertThat(e.errors()).hasSize(12);
        assertThat(e.error().message()).hasSize(1_001);
    }

    @Test
    void aParseErrorQuotesNoMoreThanTwoCharactersOfTheBrokenToken() {
        // The answer of POST /v1/callback-secrets holds the secret; here its opening quote was lost.
        byte[] body = utf8("{\"id\":\"s\",\"plain_secret\": whsec_4f9c2b7d8e1a\"}");
        BodyReader reader = BodyReader.of(RunflowJson.mapper(), io.runflow.model.CallbackSecret.class);

        assertThatThrownBy(() -> reader.read("POST /v1/callback-secrets", 201, body, null))
                .isInstanceOf(RunflowDecodingException.class)
                .hasMessage("POST /v1/callback-secrets: cannot read CallbackSecret: Unrecognized token 'wh...': was"
                        + " expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')")
                .cause()
                .hasMessageNotContaining("4f9c2b7d8e1a");
    }

    private static Run read(String body) {
        return (Run) RUN.read("GET /v1/runs/{id}", 200, utf8(body), null);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
