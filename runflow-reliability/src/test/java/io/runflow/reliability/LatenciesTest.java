package io.runflow.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void percentilesAreTakenByNearestRank() {
        long[] sorted = new long[100];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = i + 1;
        }

        assertThat(Latencies.rank(sorted, 0.50)).isEqualTo(50);
        assertThat(Latencies.rank(sorted, 0.90)).isEqualTo(90);
        assertThat(Latencies.rank(sorted, 0.99)).isEqualTo(99);
        assertThat(Latencies.rank(new long[] {7}, 0.99)).isEqualTo(7);
    }
}
