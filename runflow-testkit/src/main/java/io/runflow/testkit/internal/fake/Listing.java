package io.runflow.testkit.internal.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.runflow.testkit.internal.http.ErrorResponseException;
import io.runflow.testkit.internal.http.Json;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The list parameters of contract section 2.1 for any list the fake serves: {@code q} (clauses
 * {@code field:value}, {@code field=value}, {@code field.EQ:'value'}, {@code >}, {@code <}, {@code
 * >=}, {@code <=}, joined with {@code AND} and {@code OR}, each may start with {@code NOT}), {@code
 * sort_by} ({@code field[:asc|:desc]}, comma-separated, stable), {@code limit} (1 to 500, default 20),
 * {@code fields} (projection of each item's top-level fields), and the cursors {@code pq} / {@code
 * from_prev} (opaque strings taken from {@code first}, {@code next}, {@code previous}).
 *
 * <p>Values compare by the field's type: timestamps (a date alone is its midnight UTC), numbers,
 * booleans, else strings, case-sensitive. Cursors are positions in the filtered, sorted list.
 *
 * @param <T> the item type
 */
final class Listing<T> {

    static final int DEFAULT_LIMIT = 20;
    private static final Pattern CLAUSE = Pattern.compile("^([a-z_]+)(\\.EQ:|>=|<=|:|=|>|<)(.+)$");

    private final int limit;
    private final Comparator<T> order;
    private final Predicate<T> filter;
    private final String pq;
    private final boolean fromPrev;
    private final Set<String> projection;

    private Listing(
            int limit, Comparator<T> order, Predicate<T> filter, String pq, boolean fromPrev, Set<String> projection) {
        this.limit = limit;
        this.order = order;
        this.filter = filter;
        this.pq = pq;
        this.fromPrev = fromPrev;
        this.projection = projection;
    }

    /**
     * Reads the parameters.
     *
     * @param query the request's query parameters
     * @param fields the fields that may be filtered and sorted on, each with its value
     * @param defaultSort for example {@code created_at:desc}
     * @throws ErrorResponseException 422 naming the parameter at fault
     */
    static <T> Listing<T> parse(
            Map<String, String> query, Map<String, Function<T, Object>> fields, String defaultSort) {
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
        String sort = query.get("sort_by");
        Comparator<T> order = sort(sort == null || sort.isBlank() ? defaultSort : sort, fields);
        Predicate<T> filter = filter(query.get("q"), fields);
        String fromPrev = query.getOrDefault("from_prev", "false");
        if (!fromPrev.equals("true") && !fromPrev.equals("false")) {
            throw ErrorResponseException.validation("from_prev", "must be true or false");
        }
        Set<String> projection = null;
        String rawFields = query.get("fields");
        if (rawFields != null && !rawFields.isBlank()) {
            projection = new TreeSet<>();
            for (String f : rawFields.split(",")) {
                if (!f.isBlank()) {
                    projection.add(f.strip());
                }
            }
        }
        String pq = query.get("pq");
        return new Listing<>(
                limit, order, filter, pq == null || pq.isBlank() ? null : pq, fromPrev.equals("true"), projection);
    }

    private static <T> Comparator<T> sort(String sort, Map<String, Function<T, Object>> fields) {
        Comparator<T> order = null;
        for (String part : sort.split(",")) {
            String[] p = part.strip().split(":", -1);
            String name = p[0];
            String direction = p.length > 1 ? p[1] : "asc";
            Function<T, Object> value = fields.get(name);
            if (value == null || p.length > 2 || !(direction.equals("asc") || direction.equals("desc"))) {
                throw ErrorResponseException.validation(
                        "sort_by",
                        "cannot sort by '" + part.strip() + "'; use field:asc or field:desc with a field of "
                                + new TreeSet<>(fields.keySet()));
            }
            Comparator<T> one = Comparator.comparing(value, Listing::compareValues);
            if (direction.equals("desc")) {
                one = one.reversed();
            }
            order = order == null ? one : order.thenComparing(one);
        }
        return order;
    }

    private static <T> Predicate<T> filter(String q, Map<String, Function<T, Object>> fields) {
        if (q == null || q.isBlank()) {
            return t -> true;
        }
        Predicate<T> any = null;
        for (String alternative : q.strip().split("\\s+OR\\s+")) {
            Predicate<T> all = t -> true;
            for (String clause : alternative.strip().split("\\s+AND\\s+")) {
                all = all.and(clause(clause.strip(), fields));
            }
            any = any == null ? all : any.or(all);
        }
        return any;
    }

    private static <T> Predicate<T> clause(String clause, Map<String, Function<T, Object>> fields) {
        boolean negated = clause.startsWith("NOT ");
        String text = negated ? clause.substring(4).strip() : clause;
        Matcher m = CLAUSE.matcher(text);
        if (!m.matches() || !fields.containsKey(m.group(1))) {
            throw ErrorResponseException.validation(
                    "q",
                    "unsupported filter '" + clause + "'; the fake filters on " + new TreeSet<>(fields.keySet())
                            + " with :, =, .EQ:, >, <, >=, <=, AND, OR and NOT");
        }
        Function<T, Object> field = fields.get(m.group(1));
        String operator = m.group(2);
        String literal = unquote(m.group(3).strip());
        Predicate<T> test = t -> {
            Object value = field.apply(t);
            if (value == null) {
                return false;
            }
            int c = compareValues(value, coerce(literal, value));
            switch (operator) {
                case ">":
                    return c > 0;
                case "<":
                    return c < 0;
                case ">=":
                    return c >= 0;
                case "<=":
                    return c <= 0;
                default:
                    return c == 0;
            }
        };
        return negated ? test.negate() : test;
    }

    /** The literal read as the field's type; unreadable as that type, it stays a string. */
    private static Object coerce(String literal, Object like) {
        try {
            if (like instanceof Instant) {
                if (literal.length() == 10) {
                    return LocalDate.parse(literal).atStartOfDay().toInstant(ZoneOffset.UTC);
                }
                return OffsetDateTime.parse(literal).toInstant();
            }
            if (like instanceof Number) {
                return new BigDecimal(literal);
            }
            if (like instanceof Boolean) {
                return Boolean.valueOf(literal);
            }
        } catch (DateTimeParseException | NumberFormatException e) {
            return literal;
        }
        return literal;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareValues(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        if (a instanceof Number && b instanceof Number) {
            return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString()));
        }
        if (a.getClass() == b.getClass() && a instanceof Comparable) {
            return ((Comparable) a).compareTo(b);
        }
        return a.toString().compareTo(b.toString());
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && ((v.startsWith("'") && v.endsWith("'")) || (v.startsWith("\"") && v.endsWith("\"")))) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }

    /** Filters, sorts and cuts one page out of {@code all}. */
    Page<T> page(List<T> all) {
        List<T> matching = new ArrayList<>();
        for (T t : all) {
            if (filter.test(t)) {
                matching.add(t);
            }
        }
        matching.sort(order);
        int from = 0;
        int to = Math.min(matching.size(), limit);
        if (pq != null) {
            String[] c = decode(pq);
            int offset = Math.min(Integer.parseInt(c[1]), matching.size());
            if (c[0].equals("p") || fromPrev) {
                to = offset;
                from = Math.max(0, to - limit);
            } else {
                from = offset;
                to = Math.min(matching.size(), from + limit);
            }
        }
        List<T> items = List.copyOf(matching.subList(from, to));
        String next = to < matching.size() ? cursor("n", to) : null;
        String previous = from > 0 ? cursor("p", from) : null;
        return new Page<>(items, cursor("n", 0), next, previous);
    }

    /** Writes the {@code {items, first, next, previous}} envelope, each item projected. */
    ObjectNode envelope(Page<T> page, Function<T, ObjectNode> writer) {
        ObjectNode body = Json.object();
        ArrayNode items = body.putArray("items");
        for (T t : page.items()) {
            items.add(project(writer.apply(t)));
        }
        body.put("first", page.first());
        body.put("next", page.next());
        body.put("previous", page.previous());
        return body;
    }

    private JsonNode project(ObjectNode item) {
        if (projection == null) {
            return item;
        }
        ObjectNode kept = Json.object();
        for (Map.Entry<String, JsonNode> field : item.properties()) {
            if (projection.contains(field.getKey())) {
                kept.set(field.getKey(), field.getValue());
            }
        }
        return kept;
    }

    record Page<T>(List<T> items, String first, String next, String previous) {}

    private static String cursor(String kind, int offset) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((kind + ":" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static String[] decode(String pq) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(pq), StandardCharsets.UTF_8).split(":");
            if (parts.length == 2 && (parts[0].equals("n") || parts[0].equals("p"))) {
                if (Integer.parseInt(parts[1]) >= 0) {
                    return parts;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the validation error
        }
        throw ErrorResponseException.validation("pq", "is not a cursor this server issued");
    }
}
