package io.runflow.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.runflow.errors.RunflowApiException;
import io.runflow.errors.RunflowDecodingException;
import io.runflow.errors.RunflowException;
import io.runflow.fuzz.FuzzTally;
import io.runflow.fuzz.JsonMutator;
import io.runflow.fuzz.JsonMutator.Mutation;
import io.runflow.fuzz.Seeds;
import io.runflow.fuzz.Values;
import io.runflow.model.Batch;
import io.runflow.model.BatchItem;
import io.runflow.model.CallbackDelivery;
import io.runflow.model.CallbackSecret;
import io.runflow.model.Page;
import io.runflow.model.Run;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Mutated recorded bodies through the decoder every transport uses ({@link BodyReader} over {@link
 * RunflowJson#mapper()}) and through {@link ApiErrors#toException}: every input ends in a value that
 * can be read through, or a {@link RunflowDecodingException} with a short message that shows no
 * secret; never a Jackson, JDK or {@code NullPointerException}, and never a stack overflow.
 */
class DecoderFuzzTest {

    private static final int BYTE_MUTATIONS = 200;
    private static final String ENDPOINT = "GET /v1/fuzz";

    // Generic types as a transport sees them, from its method signatures.
    static Page<Run> pageOfRuns;
    static Page<BatchItem> pageOfBatchItems;
    static List<CallbackDelivery> deliveries;

    @Test
    void everyMutatedRunIsARunOrADecodingException() {
        FuzzTally tally = new FuzzTally("Run", RunflowDecodingException.class);
        BodyReader reader = BodyReader.of(RunflowJson.mapper(), Run.class);
        for (int i = 0; i < Seeds.RUNS.size(); i++) {
            fuzz(Seeds.bytes(Seeds.RUNS.get(i)), i, m -> tally.run(m, () -> read(reader, m)));
        }
        JsonMutator.hostile(m -> tally.run(m, () -> read(reader, m)));

        tally.assertClean();
        assertThat(tally.inputs()).isGreaterThan(10_000);
    }

    @Test
    void everyMutatedPageOfRunsIsAPageOrADecodingException() throws Exception {
        assertDecodesOrRejects("Page<Run>", type("pageOfRuns"), "page-runs.json", 2_000);
    }

    @Test
    void everyMutatedBatchIsABatchOrADecodingException() {
        assertDecodesOrRejects("Batch", Batch.class, "batch.json", 2_000);
    }

    @Test
    void everyMutatedPageOfBatchItemsIsAPageOrADecodingException() throws Exception {
        assertDecodesOrRejects("Page<BatchItem>", type("pageOfBatchItems"), "page-batch-items.json", 2_000);
    }

    @Test
    void everyMutatedDeliveryListIsAListWithoutNullsOrADecodingException() throws Exception {
        assertDecodesOrRejects("List<CallbackDelivery>", type("deliveries"), "callback-deliveries.json", 2_000);
    }

    @Test
    void noMutatedSecretAnswerShowsTheSecretInAnyMessage() {
        FuzzTally tally = new FuzzTally("CallbackSecret", RunflowDecodingException.class, Seeds.PLAIN_SECRET);
        BodyReader reader = BodyReader.of(RunflowJson.mapper(), CallbackSecret.class);
        fuzz(Seeds.bytes("callback-secret-created.json"), 11, m -> tally.run(m, () -> read(reader, m)));

        tally.assertClean();
        assertThat(tally.inputs()).isGreaterThan(800);
    }

    @Test
    void everyMutatedErrorAnswerBecomesATypedExceptionWithAShortMessage() {
        FuzzTally tally = new FuzzTally("ApiErrors.toException", RunflowException.class);
        int[] statuses = {400, 401, 402, 403, 404, 409, 422, 429, 500, 502, 418};
        int[] next = {0};
        Consumer<Mutation> check = m -> tally.run(m, () -> {
            int status = statuses[next[0]++ % statuses.length];
            RunflowApiException e = ApiErrors.toException(
                    status, Map.of("Runflow-Request-Id", List.of("req-fuzz"), "Retry-After", List.of("7")), m.body());
            if (e == null || e.status() != status) {
                tally.fail(m, "answered " + e + " for HTTP " + status);
            } else if (e.getMessage().length() > FuzzTally.MAX_MESSAGE_LENGTH) {
                tally.fail(m, "message of " + e.getMessage().length() + " characters");
            } else {
                Values.touch(e.error());
            }
            return e;
        });
        for (int i = 0; i < Seeds.ERRORS.size(); i++) {
            fuzz(Seeds.bytes(Seeds.ERRORS.get(i)), 20 + i, check);
        }
        fuzz(Seeds.bytes("run-failed.json"), 30, check);
        JsonMutator.hostile(check);

        tally.assertClean();
        assertThat(tally.inputs()).isGreaterThan(4_000);
    }

    private static void assertDecodesOrRejects(String name, Type type, String seed, int minimum) {
        FuzzTally tally = new FuzzTally(name, RunflowDecodingException.class);
        BodyReader reader = BodyReader.of(RunflowJson.mapper(), type);
        fuzz(Seeds.bytes(seed), seed.hashCode(), m -> tally.run(m, () -> read(reader, m)));
        JsonMutator.hostile(m -> tally.run(m, () -> read(reader, m)));

        tally.assertClean();
        assertThat(tally.inputs()).isGreaterThan(minimum);
    }

    private static void fuzz(byte[] seed, long random, Consumer<Mutation> each) {
        JsonMutator.all(seed, random, BYTE_MUTATIONS, each);
    }

    private static Object read(BodyReader reader, Mutation input) {
        Object value = reader.read(ENDPOINT, 200, input.body(), "req-fuzz");
        Values.touch(value);
        return value;
    }

    private static Type type(String field) throws NoSuchFieldException {
        return DecoderFuzzTest.class.getDeclaredField(field).getGenericType();
    }
}
