package io.runflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import io.runflow.RunflowObserver.Retry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompositeObserverTest {

    private static final Retry RETRY = new Retry("GET /v1/runs/{id}", 1, "503", Duration.ofSeconds(1));

    private final List<String> heard = new ArrayList<>();

    @Test
    void passesEachEventToEveryObserverInOrder() {
        RunflowObserver composite = RunflowObserver.composite(List.of(recorder("a"), recorder("b")));

        composite.onRetry(RETRY);

        assertThat(heard).containsExactly("a", "b");
    }

    @Test
    void anObserverThatThrowsDoesNotKeepTheNextOneFromHearingTheEvent() {
        RunflowObserver throwing = new RunflowObserver() {
            @Override
            public void onRetry(Retry retry) {
                throw new IllegalStateException("boom");
            }
        };
        RunflowObserver composite = RunflowObserver.composite(List.of(throwing, recorder("b")));

        composite.onRetry(RETRY);

        assertThat(heard).containsExactly("b");
    }

    @Test
    void isTheNoopForNoObserversOrOnlyNoops() {
        assertThat(RunflowObserver.composite(List.of())).isSameAs(RunflowObserver.noop());
        assertThat(RunflowObserver.composite(List.of(RunflowObserver.noop()))).isSameAs(RunflowObserver.noop());
    }

    @Test
    void isTheFailSafeObserverItselfForOne() {
        RunflowObserver one = recorder("a");

        RunflowObserver composite = RunflowObserver.composite(List.of(one));

        assertThat(composite.toString()).isEqualTo(RunflowObserver.failSafe(one).toString());
        composite.onRetry(RETRY);
        assertThat(heard).containsExactly("a");
    }

    @Test
    void rejectsANullObserver() {
        assertThatNullPointerException()
                .isThrownBy(() -> RunflowObserver.composite(Arrays.asList(recorder("a"), null)))
                .withMessage("observers must not contain null");
    }

    private RunflowObserver recorder(String name) {
        return new RunflowObserver() {
            @Override
            public void onRetry(Retry retry) {
                heard.add(name);
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }
}
