package io.runflow.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {

    @Test
    void hundredThreadsCreatingAndPollingLoseNothing() throws Exception {
        try (FakeRunflowServer server = FakeRunflowServer.builder().build()) {
            Http http = new Http(server);
            Set<String> ids = ConcurrentHashMap.newKeySet();
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(100);
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < 100; t++) {
                    futures.add(pool.submit(() -> {
                        start.await();
                        for (int i = 0; i < 5; i++) {
                            String id = http.createFlux("");
                            ids.add(id);
                            assertThat(http.get("/v1/runs/" + id).status()).isEqualTo(200);
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> f : futures) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }

            assertThat(ids).hasSize(500);
            assertThat(server.runs()).hasSize(500);
            assertThat(server.requests()).hasSize(1000);
            assertThat(server.requests()).extracting(RecordedRequest::sequence).doesNotHaveDuplicates();
        }
    }
}
