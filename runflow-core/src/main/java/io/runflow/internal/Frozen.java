package io.runflow.internal;

import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.Set;

/**
 * Unmodifiable collections built by the SDK's own readers, handed to the JSON value records without
 * the defensive copy their constructors make of a caller's collection: an answer's members are
 * materialised once. The readers hand over a collection they built, hold no reference to, and never
 * put {@code null} in. Not public API.
 */
public final class Frozen {

    private Frozen() {}

    /**
     * Takes over a map: the caller must not keep or change it, and it holds no {@code null} key or
     * value.
     *
     * @param members the map, owned by the result from now on
     * @param <V> the value type
     * @return an unmodifiable view in the map's order
     */
    public static <V> Map<String, V> map(LinkedHashMap<String, V> members) {
        return new FrozenMap<>(members);
    }

    /**
     * Takes over a few members held in two arrays, in order: the caller must not keep or change the
     * arrays, and the names are distinct and not {@code null}, the values not {@code null}. Lookups
     * scan the names (identity first, as names read by the SDK are interned): for a handful of
     * members cheaper than hashing, and no entry object per member.
     *
     * @param names the names, owned by the result from now on
     * @param values the values, owned by the result from now on
     * @param size how many of the arrays' slots are members
     * @param <V> the value type
     * @return an unmodifiable map in the arrays' order
     */
    public static <V> Map<String, V> small(String[] names, Object[] values, int size) {
        return new SmallMap<>(names, values, size);
    }

    /**
     * Takes over a list: the caller must not keep or change it, and it holds no {@code null}.
     *
     * @param elements the list, owned by the result from now on
     * @param <E> the element type
     * @return an unmodifiable view
     */
    public static <E> List<E> list(List<E> elements) {
        return new FrozenList<>(elements);
    }

    /**
     * Tells whether a collection came from {@link #map} or {@link #list}, so needs no copy.
     *
     * @param collection the collection
     * @return true for one of this class's
     */
    public static boolean isFrozen(Object collection) {
        return collection instanceof FrozenMap || collection instanceof FrozenList || collection instanceof SmallMap;
    }

    private static final class FrozenMap<V> extends AbstractMap<String, V> {
        private final Map<String, V> members;

        FrozenMap(LinkedHashMap<String, V> members) {
            this.members = members;
        }

        @Override
        public int size() {
            return members.size();
        }

        @Override
        public boolean containsKey(Object key) {
            return members.containsKey(key);
        }

        @Override
        public V get(Object key) {
            return members.get(key);
        }

        @Override
        public Set<Entry<String, V>> entrySet() {
            return Collections.unmodifiableMap(members).entrySet();
        }

        @Override
        public Set<String> keySet() {
            return Collections.unmodifiableSet(members.keySet());
        }

        @Override
        public java.util.Collection<V> values() {
            return Collections.unmodifiableCollection(members.values());
        }

        @Override
        public void forEach(java.util.function.BiConsumer<? super String, ? super V> action) {
            members.forEach(action);
        }
    }

    private static final class SmallMap<V> extends AbstractMap<String, V> {
        private final String[] names;
        private final Object[] values;
        private final int size;

        SmallMap(String[] names, Object[] values, int size) {
            this.names = names;
            this.values = values;
            this.size = size;
        }

        private int indexOf(Object key) {
            for (int i = 0; i < size; i++) {
                if (names[i] == key) {
                    return i;
                }
            }
            if (key != null) {
                for (int i = 0; i < size; i++) {
                    if (names[i].equals(key)) {
                        return i;
                    }
                }
            }
            return -1;
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public boolean containsKey(Object key) {
            return indexOf(key) >= 0;
        }

        @Override
        @SuppressWarnings("unchecked")
        public V get(Object key) {
            int index = indexOf(key);
            return index < 0 ? null : (V) values[index];
        }

        @Override
        @SuppressWarnings("unchecked")
        public void forEach(java.util.function.BiConsumer<? super String, ? super V> action) {
            for (int i = 0; i < size; i++) {
                action.accept(names[i], (V) values[i]);
            }
        }

        @Override
        public Set<Entry<String, V>> entrySet() {
            return new java.util.AbstractSet<>() {
                @Override
                public java.util.Iterator<Entry<String, V>> iterator() {
                    return new java.util.Iterator<>() {
                        private int next;

                        @Override
                        public boolean hasNext() {
                            return next < size;
                        }

                        @Override
                        @SuppressWarnings("unchecked")
                        public Entry<String, V> next() {
                            if (next >= size) {
                                throw new java.util.NoSuchElementException();
                            }
                            int i = next++;
                            return new SimpleImmutableEntry<>(names[i], (V) values[i]);
                        }
                    };
                }

                @Override
                public int size() {
                    return size;
                }
            };
        }
    }

    private static final class FrozenList<E> extends AbstractList<E> implements RandomAccess {
        private final List<E> elements;

        FrozenList(List<E> elements) {
            this.elements = elements;
        }

        @Override
        public E get(int index) {
            return elements.get(index);
        }

        @Override
        public int size() {
            return elements.size();
        }
    }
}
