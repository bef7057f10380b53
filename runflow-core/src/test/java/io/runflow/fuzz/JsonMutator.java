package io.runflow.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Mutates a recorded JSON body into many broken ones, deterministically: the same seed body and
 * random seed give the same inputs in the same order. Each input is a {@link Mutation} naming what
 * was done, so that a failure can say which input broke what.
 *
 * <ul>
 *   <li>{@link #truncations}: the body cut at every offset;
 *   <li>{@link #valueReplacements}: each value anywhere in the tree replaced by each of {@link
 *       #REPLACEMENTS} (wrong types, nulls, huge and overlong numbers, very long strings, bad
 *       timestamps, nesting past the limit), and each field or element removed;
 *   <li>{@link #duplicateKeys}: each object given its fields a second time with another value;
 *   <li>{@link #byteMutations}: random byte edits, invalid UTF-8 sequences among them;
 *   <li>{@link #framings}: byte-order marks, trailing garbage, the body twice, wrapped in an array.
 * </ul>
 */
public final class JsonMutator {

    /** A mutated body and what made it. */
    public record Mutation(String kind, byte[] body) {
        /**
         * Describes the input for a failure message: the kind and the body's start, non-ASCII bytes
         * escaped.
         *
         * @return the description
         */
        public String describe() {
            StringBuilder text =
                    new StringBuilder(kind).append(" (").append(body.length).append(" bytes): ");
            for (int i = 0; i < Math.min(body.length, 300); i++) {
                int b = body[i] & 0xff;
                if (b >= 0x20 && b < 0x7f) {
                    text.append((char) b);
                } else {
                    text.append(String.format("\\x%02x", b));
                }
            }
            return body.length > 300 ? text.append("...").toString() : text.toString();
        }

        @Override
        public String toString() {
            return describe();
        }
    }

    /** What each value is replaced by, as raw JSON text, named. */
    public static final Map<String, String> REPLACEMENTS = replacements();

    /** Byte sequences that are not UTF-8: a lone continuation, an overlong form, a surrogate, 0xff. */
    public static final List<byte[]> INVALID_UTF8 = List.of(
            new byte[] {(byte) 0x80},
            new byte[] {(byte) 0xc3, (byte) 0x28},
            new byte[] {(byte) 0xc0, (byte) 0xaf},
            new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
            new byte[] {(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
            new byte[] {(byte) 0xff},
            new byte[] {(byte) 0xe2, (byte) 0x82});

    private static final ObjectMapper PLAIN = JsonMapper.builder().build();
    private static final String MARK = "\"__fuzz_mark_7f3a__\"";
    private static final byte[] STRUCTURE = "{}[]:,\"\\ 0-e.tnf".getBytes(StandardCharsets.US_ASCII);

    private JsonMutator() {}

    /**
     * Every mutation of one seed body, in a fixed order.
     *
     * @param seed a valid JSON body
     * @param random the random seed for the byte mutations
     * @param byteMutations how many random byte mutations to make
     * @param each receives each mutation
     */
    public static void all(byte[] seed, long random, int byteMutations, Consumer<Mutation> each) {
        each.accept(new Mutation("seed", seed));
        truncations(seed, each);
        valueReplacements(seed, each);
        duplicateKeys(seed, each);
        framings(seed, each);
        byteMutations(seed, new Random(random), byteMutations, each);
    }

    /**
     * The body cut after each of its bytes but the last (the empty body included).
     *
     * @param seed the body
     * @param each receives each mutation
     */
    public static void truncations(byte[] seed, Consumer<Mutation> each) {
        for (int length = 0; length < seed.length; length++) {
            each.accept(new Mutation("truncated at " + length, Arrays.copyOf(seed, length)));
        }
    }

    /**
     * Each value of the tree replaced by each of {@link #REPLACEMENTS}, then each removed.
     *
     * @param seed a valid JSON body
     * @param each receives each mutation
     */
    public static void valueReplacements(byte[] seed, Consumer<Mutation> each) {
        JsonNode root = parse(seed);
        List<String> paths = new ArrayList<>();
        collect(root, "", paths);
        for (String path : paths) {
            for (Map.Entry<String, String> replacement : REPLACEMENTS.entrySet()) {
                JsonNode copy = root.deepCopy();
                put(copy, path, TextNode.valueOf(MARK.substring(1, MARK.length() - 1)));
                String text = write(copy).replace(MARK, replacement.getValue());
                each.accept(new Mutation(path + " = " + replacement.getKey(), bytes(text)));
            }
            JsonNode copy = root.deepCopy();
            remove(copy, path);
            each.accept(new Mutation(path + " removed", bytes(write(copy))));
        }
    }

    /**
     * Each object with each of its fields sent again, once as {@code null} and once as a number, so a
     * reader that takes the last (or the first) value sees the wrong one.
     *
     * @param seed a valid JSON body
     * @param each receives each mutation
     */
    public static void duplicateKeys(byte[] seed, Consumer<Mutation> each) {
        JsonNode root = parse(seed);
        List<String> paths = new ArrayList<>();
        paths.add("");
        collect(root, "", paths);
        for (String path : paths) {
            JsonNode node = path.isEmpty() ? root : root.at(path);
            if (!node.isObject() || node.isEmpty()) {
                continue;
            }
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                String name = property.getKey();
                for (String value : List.of("null", "1")) {
                    String object = write(node);
                    String doubled = object.substring(0, object.length() - 1) + "," + write(TextNode.valueOf(name))
                            + ":" + value + "}";
                    String text;
                    if (path.isEmpty()) {
                        text = doubled;
                    } else {
                        JsonNode copy = root.deepCopy();
                        put(copy, path, TextNode.valueOf(MARK.substring(1, MARK.length() - 1)));
                        text = write(copy).replace(MARK, doubled);
                    }
                    each.accept(new Mutation(path + "/" + name + " twice, then " + value, bytes(text)));
                }
            }
        }
    }

    /**
     * The body framed wrongly: byte-order marks, trailing garbage, twice in a row, inside an array,
     * as a string, and with invalid UTF-8 in front, in the middle and at the end.
     *
     * @param seed the body
     * @param each receives each mutation
     */
    public static void framings(byte[] seed, Consumer<Mutation> each) {
        each.accept(new Mutation("UTF-8 BOM", concat(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, seed)));
        each.accept(new Mutation("UTF-16 BOM", concat(new byte[] {(byte) 0xfe, (byte) 0xff}, seed)));
        each.accept(new Mutation("BOM twice", concat(bytes("\uFEFF\uFEFF"), seed)));
        each.accept(
                new Mutation("UTF-16BE", new String(seed, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16)));
        each.accept(new Mutation("leading white space", concat(bytes(" \r\n\t "), seed)));
        for (String garbage : List.of(" x", "}", "]", "{}", ",", "\u0000", " null", " {\"id\":\"other\"}")) {
            each.accept(new Mutation("trailing " + garbage.strip(), concat(seed, bytes(garbage))));
        }
        each.accept(new Mutation("twice", concat(seed, seed)));
        each.accept(new Mutation("in an array", concat(concat(bytes("["), seed), bytes("]"))));
        each.accept(new Mutation(
                "as a string", bytes(write(TextNode.valueOf(new String(seed, StandardCharsets.UTF_8))))));
        for (byte[] invalid : INVALID_UTF8) {
            each.accept(new Mutation("invalid UTF-8 first", concat(invalid, seed)));
            each.accept(new Mutation("invalid UTF-8 last", concat(seed, invalid)));
            int middle = stringMiddle(seed);
            each.accept(new Mutation(
                    "invalid UTF-8 in a string",
                    concat(
                            concat(Arrays.copyOf(seed, middle), invalid),
                            Arrays.copyOfRange(seed, middle, seed.length))));
        }
    }

    /**
     * Random edits, one to three per input: a byte changed, a structural or invalid UTF-8 byte
     * inserted, a range deleted or repeated, two bytes swapped.
     *
     * @param seed the body
     * @param random the randomness, seeded by the caller
     * @param count how many inputs
     * @param each receives each mutation
     */
    public static void byteMutations(byte[] seed, Random random, int count, Consumer<Mutation> each) {
        for (int n = 0; n < count; n++) {
            byte[] body = seed;
            StringBuilder kind = new StringBuilder("bytes #").append(n).append(':');
            int edits = 1 + random.nextInt(3);
            for (int e = 0; e < edits && body.length > 0; e++) {
                int at = random.nextInt(body.length);
                switch (random.nextInt(6)) {
                    case 0:
                        body = body.clone();
                        body[at] = (byte) random.nextInt(256);
                        kind.append(" set ").append(at);
                        break;
                    case 1:
                        body = insert(body, at, new byte[] {STRUCTURE[random.nextInt(STRUCTURE.length)]});
                        kind.append(" insert ").append(at);
                        break;
                    case 2:
                        body = insert(body, at, INVALID_UTF8.get(random.nextInt(INVALID_UTF8.size())));
                        kind.append(" invalid UTF-8 ").append(at);
                        break;
                    case 3:
                        int end = Math.min(body.length, at + 1 + random.nextInt(16));
                        body = concat(Arrays.copyOf(body, at), Arrays.copyOfRange(body, end, body.length));
                        kind.append(" delete ").append(at).append('-').append(end);
                        break;
                    case 4:
                        int until = Math.min(body.length, at + 1 + random.nextInt(32));
                        body = insert(body, at, Arrays.copyOfRange(body, at, until));
                        kind.append(" repeat ").append(at).append('-').append(until);
                        break;
                    default:
                        int other = random.nextInt(body.length);
                        body = body.clone();
                        byte swap = body[at];
                        body[at] = body[other];
                        body[other] = swap;
                        kind.append(" swap ").append(at).append(',').append(other);
                        break;
                }
            }
            each.accept(new Mutation(kind.toString(), body));
        }
    }

    /**
     * Bodies that are hostile whatever the endpoint: nesting a hundred times past any limit, numbers
     * and strings far longer than any the API sends, unterminated tokens, and markup.
     *
     * @param each receives each mutation
     */
    public static void hostile(Consumer<Mutation> each) {
        each.accept(new Mutation("100,000 [", bytes("[".repeat(100_000))));
        each.accept(new Mutation("100,000 {\"a\":", bytes("{\"a\":".repeat(100_000))));
        each.accept(new Mutation("100,000 balanced []", bytes("[".repeat(100_000) + "]".repeat(100_000))));
        each.accept(new Mutation("id then 100,000 [", bytes("{\"id\":\"r\",\"input\":" + "[".repeat(100_000))));
        each.accept(new Mutation("100,000-digit number", bytes("9".repeat(100_000))));
        each.accept(new Mutation(
                "100,000-digit number field", bytes("{\"id\":\"r\",\"cost\":" + "9".repeat(100_000) + "}")));
        each.accept(new Mutation(
                "100,000-digit text field", bytes("{\"id\":\"r\",\"cost\":\"" + "9".repeat(100_000) + "\"}")));
        each.accept(new Mutation(
                "1e999999999 text", bytes("{\"id\":\"r\",\"cost\":\"1e999999999\",\"duration_ms\":\"1e999999999\"}")));
        each.accept(new Mutation("unterminated string", bytes("{\"id\":\"" + "a".repeat(100_000))));
        each.accept(new Mutation("100,000 keys", bytes(manyKeys(100_000))));
        each.accept(new Mutation("100,000 '<'", bytes("<".repeat(100_000))));
        each.accept(new Mutation("100,000 '<a'", bytes("<a".repeat(100_000))));
        each.accept(new Mutation("markup", bytes("<html><body><h1>502 Bad Gateway</h1></body></html>")));
        for (String text :
                List.of("", " ", "null", "true", "0", "-", "1e400", "\"\"", "[]", "{}", "[null]", "{\"\":null}")) {
            each.accept(new Mutation("literal " + text, bytes(text)));
        }
    }

    private static String manyKeys(int count) {
        StringBuilder text = new StringBuilder("{\"id\":\"r\"");
        for (int i = 0; i < count; i++) {
            text.append(",\"k").append(i).append("\":").append(i);
        }
        return text.append('}').toString();
    }

    private static Map<String, String> replacements() {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        values.put("string", "\"x\"");
        values.put("empty string", "\"\"");
        values.put("blank string", "\" \"");
        values.put("zero", "0");
        values.put("negative", "-1");
        values.put("fraction", "1.5");
        values.put("true", "true");
        values.put("false", "false");
        values.put("empty array", "[]");
        values.put("empty object", "{}");
        values.put("null", "null");
        values.put("array of null", "[null]");
        values.put("array of numbers", "[1,2]");
        values.put("object of null", "{\"\":null}");
        values.put("1e400", "1e400");
        values.put("-1e400", "-1e400");
        values.put("1e-400", "1e-400");
        values.put("20-digit integer", "12345678901234567890");
        values.put("long overflow", "9223372036854775808");
        values.put("long underflow", "-9223372036854775809");
        values.put("1,000-digit number", "1" + "0".repeat(999));
        values.put("1,001-digit number", "1" + "0".repeat(1000));
        values.put("5,000-digit text", "\"" + "9".repeat(5_000) + "\"");
        values.put("text 1e999999999", "\"1e999999999\"");
        values.put("text 1e-999999999", "\"1e-999999999\"");
        values.put("text -1e-2147483647", "\"-1e-2147483647\"");
        values.put("text NaN", "\"NaN\"");
        values.put("text Infinity", "\"Infinity\"");
        values.put("20,000-char string", "\"" + "a".repeat(20_000) + "\"");
        values.put("lone surrogate", "\"\\ud800\"");
        values.put("impossible timestamp", "\"2026-13-45T25:61:61Z\"");
        values.put("far timestamp", "\"+999999999-12-31T23:59:59.999999999-18:00\"");
        values.put("timestamp with 10 fraction digits", "\"2026-05-06T10:00:00.1234567890Z\"");
        values.put("nesting past the limit", "[".repeat(1_001) + "]".repeat(1_001));
        return java.util.Collections.unmodifiableMap(values);
    }

    /** Collects the JSON pointer of every node below {@code node}; of an array's elements, only the first's inside. */
    private static void collect(JsonNode node, String path, List<String> paths) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String child = path + "/" + field.getKey().replace("~", "~0").replace("/", "~1");
                paths.add(child);
                collect(field.getValue(), child, paths);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String child = path + "/" + i;
                paths.add(child);
                // Later elements have the first one's shape: the element itself is mutated, its inside
                // only in the first.
                if (i == 0) {
                    collect(node.get(i), child, paths);
                }
            }
        }
    }

    private static void put(JsonNode root, String path, JsonNode value) {
        int slash = path.lastIndexOf('/');
        ContainerNode<?> parent = (ContainerNode<?>) root.at(path.substring(0, slash));
        String last = path.substring(slash + 1).replace("~1", "/").replace("~0", "~");
        if (parent instanceof ObjectNode) {
            ((ObjectNode) parent).set(last, value);
        } else {
            ((ArrayNode) parent).set(Integer.parseInt(last), value);
        }
    }

    private static void remove(JsonNode root, String path) {
        int slash = path.lastIndexOf('/');
        ContainerNode<?> parent = (ContainerNode<?>) root.at(path.substring(0, slash));
        String last = path.substring(slash + 1).replace("~1", "/").replace("~0", "~");
        if (parent instanceof ObjectNode) {
            ((ObjectNode) parent).remove(last);
        } else {
            ((ArrayNode) parent).remove(Integer.parseInt(last));
        }
    }

    /** An offset inside the body's first string value, or its middle if it has none. */
    private static int stringMiddle(byte[] seed) {
        for (int i = 0; i < seed.length; i++) {
            if (seed[i] == ':') {
                for (int j = i + 1; j < seed.length; j++) {
                    if (seed[j] == '"') {
                        return Math.min(seed.length, j + 2);
                    }
                }
            }
        }
        return seed.length / 2;
    }

    private static JsonNode parse(byte[] seed) {
        try {
            return PLAIN.readTree(seed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String write(JsonNode node) {
        try {
            return PLAIN.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] insert(byte[] body, int at, byte[] inserted) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + inserted.length);
        out.write(body, 0, at);
        out.write(inserted, 0, inserted.length);
        out.write(body, at, body.length - at);
        return out.toByteArray();
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
