package io.runflow;

import io.runflow.errors.RunflowException;
import io.runflow.model.ListQuery;
import io.runflow.model.Page;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The items of a list endpoint across all its pages. Pages are fetched lazily, one request each,
 * as iteration reaches them; each iteration starts again from the first page.
 *
 * <pre>{@code
 * runflow.runs().list(ListQuery.builder().status(RunStatus.FAILED).build())
 *         .stream()
 *         .limit(100)
 *         .forEach(run -> System.out.println(run.id()));
 * }</pre>
 *
 * @param <T> the item type
 */
public final class AutoPager<T> implements Iterable<T> {

    private final ListQuery query;
    private final Function<ListQuery, Page<T>> fetch;

    AutoPager(ListQuery query, Function<ListQuery, Page<T>> fetch) {
        this.query = Objects.requireNonNull(query, "query");
        this.fetch = Objects.requireNonNull(fetch, "fetch");
    }

    /**
     * Fetches only the first page.
     *
     * @return the page at the query's cursor
     */
    public Page<T> firstPage() {
        return fetch.apply(query);
    }

    /**
     * Returns the items of every page as a sequential, lazy stream.
     *
     * @return the stream
     */
    public Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false);
    }

    @Override
    public Iterator<T> iterator() {
        return new PageIterator();
    }

    private final class PageIterator implements Iterator<T> {
        private Page<T> page;
        private Iterator<T> items;

        @Override
        public boolean hasNext() {
            while (items == null || !items.hasNext()) {
                if (page != null && !page.hasNext()) {
                    return false;
                }
                String cursor = page == null ? query.cursor() : page.next();
                if (page != null
                        && Objects.equals(cursor, query.cursor())
                        && page.items().isEmpty()) {
                    return false;
                }
                Page<T> fetched = fetch.apply(page == null ? query : query.withCursor(cursor));
                if (page != null && fetched.hasNext() && fetched.next().equals(cursor)) {
                    throw new RunflowException(
                            "list cursor did not advance past " + cursor + "; stopping to avoid a loop");
                }
                page = fetched;
                items = fetched.items().iterator();
            }
            return true;
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return items.next();
        }
    }
}
