package io.runflow.testkit.internal.fake;

import io.runflow.testkit.internal.http.ErrorResponseException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /v1/runs} parameters: {@code limit} (1..500, default 20), {@code sort_by} ({@code
 * created_at:desc} by default, or {@code created_at:asc}), {@code q} (clauses joined by {@code AND}:
 * {@code status_code:<v>}, {@code status_code=<v>}, {@code client_ref.EQ:'<v>'}, {@code
 * client_ref:<v>}) and the cursor {@code pq}, an opaque string taken from {@code first}, {@code next}
 * or {@code previous}.
 */
final class RunQuery {

    static final int DEFAULT_LIMIT = 20;
    private static final Pattern CLAUSE = Pattern.compile("^([a-z_]+)(\\.EQ:|:|=)(.+)$");
    private static final String FIRST = cursor("f", 0);

    private final int limit;
    private final boolean ascending;
    private final Predicate<RunState> filter;
    private final String pq;

    private RunQuery(int limit, boolean ascending, Predicate<RunState> filter, String pq) {
        this.limit = limit;
        this.ascending = ascending;
        this.filter = filter;
        this.pq = pq;
    }

    static RunQuery parse(Map<String, String> query) {
        int limit = DEFAULT_LIMIT;
        String rawLimit = query.get("limit");
        if (rawLimit != null) {
            try {
                limit = Integer.parseInt(rawLimit);
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > 500) {
                throw ErrorResponseException.validation("limit", "must be an integer from 1 to 500");
            }
        }
        String sort = query.getOrDefault("sort_by", "created_at:desc");
        if (!sort.equals("created_at:desc") && !sort.equals("created_at:asc")) {
            throw ErrorResponseException.validation("sort_by", "the fake supports created_at:desc and created_at:asc");
        }
        return new RunQuery(limit, sort.endsWith(":asc"), filter(query.get("q")), query.get("pq"));
    }

    private static Predicate<RunState> filter(String q) {
        Predicate<RunState> all = r -> true;
        if (q == null || q.isBlank()) {
            return all;
        }
        for (String clause : q.trim().split("\\s+AND\\s+")) {
            Matcher m = CLAUSE.matcher(clause.trim());
            if (!m.matches()) {
                throw unsupported(clause);
            }
            String value = unquote(m.group(3).trim());
            switch (m.group(1)) {
                case "status_code":
                    all = all.and(r -> r.status.equals(value));
                    break;
                case "client_ref":
                    all = all.and(r -> value.equals(r.clientRef));
                    break;
                default:
                    throw unsupported(clause);
            }
        }
        return all;
    }

    private static ErrorResponseException unsupported(String clause) {
        return ErrorResponseException.validation(
                "q", "unsupported filter '" + clause + "'; the fake supports status_code and client_ref");
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && ((v.startsWith("'") && v.endsWith("'")) || (v.startsWith("\"") && v.endsWith("\"")))) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }

    /** Selects one page from all runs (oldest first) and writes the paging envelope's cursors. */
    Page page(List<RunState> oldestFirst) {
        List<RunState> matching = new ArrayList<>();
        for (RunState r : oldestFirst) {
            if (filter.test(r)) {
                matching.add(r);
            }
        }
        if (!ascending) {
            java.util.Collections.reverse(matching);
        }
        int from = 0;
        int to = Math.min(matching.size(), limit);
        if (pq != null && !pq.equals(FIRST)) {
            String[] c = decode(pq);
            long pivot = Long.parseLong(c[1]);
            if (c[0].equals("n")) {
                while (from < matching.size() && !beyond(matching.get(from).sequence, pivot)) {
                    from++;
                }
                to = Math.min(matching.size(), from + limit);
            } else if (c[0].equals("p")) {
                to = 0;
                while (to < matching.size() && beyond(pivot, matching.get(to).sequence)) {
                    to++;
                }
                from = Math.max(0, to - limit);
            }
        }
        List<RunState> items = matching.subList(from, to);
        String next =
                to < matching.size() && !items.isEmpty() ? cursor("n", items.get(items.size() - 1).sequence) : null;
        String previous = from > 0 && !items.isEmpty() ? cursor("p", items.get(0).sequence) : null;
        return new Page(List.copyOf(items), FIRST, next, previous);
    }

    /** True when {@code sequence} comes after {@code pivot} in this query's order. */
    private boolean beyond(long sequence, long pivot) {
        return ascending ? sequence > pivot : sequence < pivot;
    }

    record Page(List<RunState> items, String first, String next, String previous) {}

    private static String cursor(String kind, long sequence) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((kind + ":" + sequence).getBytes(StandardCharsets.UTF_8));
    }

    private static String[] decode(String pq) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(pq), StandardCharsets.UTF_8).split(":");
            if (parts.length == 2 && (parts[0].equals("n") || parts[0].equals("p") || parts[0].equals("f"))) {
                Long.parseLong(parts[1]);
                return parts;
            }
        } catch (IllegalArgumentException e) {
            // falls through to the validation error
        }
        throw ErrorResponseException.validation("pq", "is not a cursor this server issued");
    }
}
