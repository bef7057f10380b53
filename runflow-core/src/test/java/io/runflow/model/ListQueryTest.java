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
    }
}
