package io.runflow.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LazyTest {

    @Test
    void makesNothingUntilFirstAskedAndThenKeepsTheValue() {
        AtomicInteger made = new AtomicInteger();
        Lazy<Object> lazy = new Lazy<>(() -> {
            made.incrementAndGet();
            return new Object();
        });

        assertThat(lazy.isMade()).isFalse();
        assertThat(made).hasValue(0);

        Object first = lazy.get();

        assertThat(lazy.isMade()).isTrue();
        assertThat(lazy.get()).isSameAs(first);
        assertThat(made).hasValue(1);
    }

    @Test
    void makesOnceWhenManyThreadsAskAtOnce() {
        AtomicInteger made = new AtomicInteger();
        Lazy<Object> lazy = new Lazy<>(() -> {
            made.incrementAndGet();
            return new Object();
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

        assertThat(made).hasValue(1);
    }

    @Test
    void triesAgainAfterTheFactoryThrew() {
        AtomicInteger calls = new AtomicInteger();
        Lazy<String> lazy = new Lazy<>(() -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("not yet");
            }
            return "made";
        });

        assertThatThrownBy(lazy::get).isInstanceOf(IllegalStateException.class).hasMessage("not yet");
        assertThat(lazy.isMade()).isFalse();
        assertThat(lazy.get()).isEqualTo("made");
    }

    @Test
    void rejectsAFactoryThatReturnsNull() {
        Lazy<Object> lazy = new Lazy<>(() -> null);

        assertThatThrownBy(lazy::get).isInstanceOf(NullPointerException.class).hasMessage("factory returned null");
    }
}
