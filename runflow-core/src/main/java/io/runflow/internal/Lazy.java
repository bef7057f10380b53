package io.runflow.internal;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value made on the first {@link #get()} and kept: for what a client builds only when it is first
 * used (a JDK client, a Feign proxy, a keyed {@code Mac}). Thread-safe; the factory runs at most once
 * (again only if it threw). Not public API.
 *
 * @param <T> the value's type
 */
public final class Lazy<T> implements Supplier<T> {

    private final Supplier<? extends T> factory;
    private volatile T value;

    /**
     * Defers making the value.
     *
     * @param factory makes it on the first {@link #get()}; must not return {@code null}
     */
    public Lazy(Supplier<? extends T> factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    /**
     * The value, made now if this is the first call.
     *
     * @return the value
     */
    @Override
    public T get() {
        T current = value;
        if (current == null) {
            synchronized (this) {
                current = value;
                if (current == null) {
                    current = Objects.requireNonNull(factory.get(), "factory returned null");
                    value = current;
                }
            }
        }
        return current;
    }

    /**
     * Whether the value has been made.
     *
     * @return true after the first successful {@link #get()}
     */
    public boolean isMade() {
        return value != null;
    }
}
