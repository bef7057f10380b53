package io.runflow.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LazyHttpClientTest {

    @Test
    void buildsNothingUntilFirstAsked() {
        AtomicInteger builds = new AtomicInteger();
        LazyHttpClient lazy = new LazyHttpClient(() -> {
            builds.incrementAndGet();
            return HttpClient.newHttpClient();
        });

        assertThat(lazy.isBuilt()).isFalse();
        assertThat(builds).hasValue(0);

        HttpClient first = lazy.get();

        assertThat(lazy.isBuilt()).isTrue();
        assertThat(lazy.get()).isSameAs(first);
        assertThat(builds).hasValue(1);
        lazy.shutdown();
    }

    @Test
    void buildsOnceWhenManyThreadsAskAtOnce() throws Exception {
        AtomicInteger builds = new AtomicInteger();
        LazyHttpClient lazy = new LazyHttpClient(() -> {
            builds.incrementAndGet();
            return HttpClient.newHttpClient();
        });
        CountDownLatch start = new CountDownLatch(1);
        CompletableFuture<?>[] askers = new CompletableFuture<?>[8];
        for (int i = 0; i < askers.length; i++) {
            askers[i] = CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return lazy.get();
            });
        }
        start.countDown();
        CompletableFuture.allOf(askers).join();

        assertThat(builds).hasValue(1);
        lazy.shutdown();
    }

    @Test
    void shuttingDownAClientNeverBuiltBuildsNone() {
        AtomicInteger builds = new AtomicInteger();
        LazyHttpClient lazy = new LazyHttpClient(() -> {
            builds.incrementAndGet();
            return HttpClient.newHttpClient();
        });

        lazy.shutdown();

        assertThat(lazy.isBuilt()).isFalse();
        assertThat(builds).hasValue(0);
    }

    @Test
    void rejectsAFactoryThatReturnsNull() {
        LazyHttpClient lazy = new LazyHttpClient(() -> null);

        assertThatThrownBy(lazy::get).isInstanceOf(NullPointerException.class).hasMessage("factory returned null");
    }
}
