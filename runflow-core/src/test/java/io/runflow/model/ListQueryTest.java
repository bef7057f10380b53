package io.runflow.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ListQueryTest {

    @Test
    void joinsConditionsWithAndInTheDocumentedGrammar() {
        ListQuery query = ListQuery.builder()
                .status(RunStatus.SUCCEEDED)
                .clientRef("order-7")
                .limit(50)
                .sortBy("created_at:desc")
                .build();

        assertThat(query.toParameters())
                .containsExactly(
                        Map.entry("q", "status_code:succeeded AND client_ref.EQ:'order-7'"),
                        Map.entry("limit", "50"),
                        Map.entry("sort_by", "created_at:desc"));
    }

    @Test
    void leavesUnsetParametersOut() {
        assertThat(ListQuery.all().toParameters()).isEmpty();
        assertThat(ListQuery.all().withCursor("c2").toParameters()).containsExactly(Map.entry("pq", "c2"));
    }

    @Test
    void limitMustBeBetweenOneAndFiveHundred() {
        assertThat(ListQuery.builder().limit(1).build().limit()).isEqualTo(1);
        assertThat(ListQuery.builder().limit(500).build().limit()).isEqualTo(500);
        assertThatThrownBy(() -> ListQuery.builder().limit(0).build())
                .hasMessage("limit must be between 1 and 500, got 0");
        assertThatThrownBy(() -> ListQuery.builder().limit(501).build())
                .hasMessage("limit must be between 1 and 500, got 501");
    }

    @Test
    void rejectsAClientRefThatWouldBreakTheQuoting() {
        assertThatThrownBy(() -> ListQuery.builder().clientRef("it's"))
                .hasMessage("clientRef filter must not contain a single quote");
        assertThatThrownBy(() -> ListQuery.builder().clientRef("'x"))
                .hasMessage("clientRef filter must not contain a single quote");
    }

    @Test
    void passesEveryParameterUnderItsWireName() {
        ListQuery query = ListQuery.builder()
                .filter("  model_id:a/b  ")
                .limit(10)
                .sortBy("created_at:asc")
                .fields("id,status_code")
                .cursor("c1")
                .fromPrev(true)
                .build();

        assertThat(query.toParameters())
                .containsExactly(
                        Map.entry("q", "model_id:a/b"),
                        Map.entry("limit", "10"),
                        Map.entry("sort_by", "created_at:asc"),
                        Map.entry("fields", "id,status_code"),
                        Map.entry("pq", "c1"),
                        Map.entry("from_prev", "true"));
    }

    @Test
    void withCursorKeepsTheRest() {
        ListQuery query = ListQuery.builder()
                .filter("a:1")
                .limit(5)
                .sortBy("s")
                .fields("f")
                .fromPrev(true)
                .build()
                .withCursor("c2");
        assertThat(query).isEqualTo(new ListQuery("a:1", 5, "s", "f", "c2", true));
    }

    @Test
    void aBuilderWithNothingSetIsAll() {
        assertThat(ListQuery.builder().build()).isEqualTo(ListQuery.all());
        assertThat(ListQuery.builder().fromPrev(false).build().toParameters()).isEmpty();
    }

    @Test
    void rejectsABlankFilter() {
        assertThatThrownBy(() -> ListQuery.builder().filter(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("filter condition must not be blank");
    }

    @Test
    void rejectsFilteringOnUnknownStatus() {
        assertThatThrownBy(() -> ListQuery.builder().status(RunStatus.UNKNOWN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("status UNKNOWN cannot be filtered on; use filter(String)");
    }

    @Test
    void aSingleFilterHasNoAnd() {
        assertThat(ListQuery.builder().clientRef("o-1").build().q()).isEqualTo("client_ref.EQ:'o-1'");
    }
}
