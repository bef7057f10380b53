package io.runflow;

import static io.runflow.model.RunStatus.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.runflow.errors.RunflowException;
import io.runflow.model.ListQuery;
import io.runflow.model.Page;
import io.runflow.model.Run;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class AutoPagerTest {

    private final InMemoryRunflowApi api = new InMemoryRunflowApi()
            .pages(List.of(
                    new Page<>(List.of(run("a"), run("b")), "0", "1", null),
                    new Page<>(List.of(), "0", "2", "0"),
                    new Page<>(List.of(run("c")), "0", null, "1")));
    private final RunflowClient runflow =
            RunflowClient.builder().apiKey("k").transport(options -> api).build();

    @Test
    void followsTheCursorsAcrossEveryPageIncludingAnEmptyOne() {
        List<String> ids = runflow.runs().list(ListQuery.builder().limit(2).build()).stream()
                .map(Run::id)
                .toList();

        assertThat(ids).containsExactly("a", "b", "c");
        assertThat(api.listQueries()).extracting(ListQuery::cursor).containsExactly(null, "1", "2");
        assertThat(api.listQueries()).extracting(ListQuery::limit).containsOnly(2);
    }

    @Test
    void fetchesPagesOnlyAsIterationReachesThem() {
        runflow.runs().list(ListQuery.all()).stream().findFirst();

        assertThat(api.listQueries()).hasSize(1);
    }

    @Test
    void firstPageFetchesOnePage() {
        Page<Run> page = runflow.runs().list(ListQuery.all()).firstPage();

        assertThat(page.items()).hasSize(2);
        assertThat(page.next()).isEqualTo("1");
    }

    @Test
    void theIteratorEndsCleanly() {
        Iterator<Run> iterator = runflow.runs().list(ListQuery.all()).iterator();
        iterator.next();
        iterator.next();
        iterator.next();

        assertThat(iterator.hasNext()).isFalse();
        assertThatThrownBy(iterator::next).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void aServerThatRepeatsItsCursorIsStoppedInsteadOfLoopingForever() {
        InMemoryRunflowApi looping = new InMemoryRunflowApi()
                .pages(List.of(
                        new Page<>(List.of(run("a")), null, "1", null),
                        new Page<>(List.of(run("b")), null, "1", null)));
        RunflowClient client = RunflowClient.builder()
                .apiKey("k")
                .transport(options -> looping)
                .build();

        assertThatThrownBy(() -> client.runs().list(ListQuery.all()).stream().toList())
                .isInstanceOf(RunflowException.class)
                .hasMessage("list cursor did not advance past 1; stopping to avoid a loop");
    }

    private static Run run(String id) {
        return InMemoryRunflowApi.run(id, SUCCEEDED);
    }
}
