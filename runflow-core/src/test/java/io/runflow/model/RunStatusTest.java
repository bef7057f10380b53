package io.runflow.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RunStatusTest {

    @ParameterizedTest
    @CsvSource({
        "queued, QUEUED, false",
        "dispatching, DISPATCHING, false",
        "running, RUNNING, false",
        "succeeded, SUCCEEDED, true",
        "failed, FAILED, true",
        "canceled, CANCELED, true",
        "cancelled, CANCELED, true",
        "partial_succeeded, PARTIAL_SUCCEEDED, true",
        "' Succeeded ', SUCCEEDED, true",
        "errored, UNKNOWN, false",
        "unknown, UNKNOWN, false"
    })
    void mapsWireValues(String wire, RunStatus expected, boolean terminal) {
        assertThat(RunStatus.from(wire)).isEqualTo(expected);
        assertThat(RunStatus.from(wire).isTerminal()).isEqualTo(terminal);
    }

    @Test
    void nullIsUnknown() {
        assertThat(RunStatus.from(null)).isEqualTo(RunStatus.UNKNOWN);
    }

    @Test
    void canceledHasTheUsSpellingOnTheWire() {
        assertThat(RunStatus.CANCELED.value()).isEqualTo("canceled");
    }
}
