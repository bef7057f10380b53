package io.runflow.internal.json;

import io.runflow.internal.Frozen;
import io.runflow.internal.JsonLimits;
import io.runflow.model.JsonValue;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigDecimal;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Reads the plain form of JSON the API writes (ASCII text, the usual escapes, numbers in their
 * shortest forms, nesting well inside the limits) straight from the bytes into a {@link JsonValue},
 * and gives up, returning {@code null}, at the first thing outside that form, whether valid or not:
 * the caller then reads the body with Jackson, which decides every other body and every error. For
 * every body it does read, the value is the one {@link JsonValues#read} gives.
 *
 * <p>Why: Jackson decodes each string character by character into a buffer and then into a {@code
 * String}; an ASCII string without escapes is copied here in one step ({@code new String(bytes,
 * ISO_8859_1)}), which is most of the cost of a callback padded with a long metadata note. Member names
 * are shared through a small cache, as Jackson's symbol table shares them. An instance reads one
 * body on one thread.
 */
final class PlainJson {

    /** Far inside {@link JsonLimits#MAX_NESTING_DEPTH}; deeper bodies go to Jackson. */
    private static final int MAX_DEPTH = 64;

    /** Longer numbers go to Jackson (limit {@link JsonLimits#MAX_NUMBER_LENGTH}). */
    private static final int MAX_NUMBER = 64;

    /** Names seen before, by hash; a benign race (a slot holds a whole, immutable {@code String}). */
    private static final Name[] NAMES = new Name[512];

    private static final int MAX_CACHED_NAME = 32;

    /** {@code {}}, shared: the value is immutable, so one serves every empty object read. */
    private static final JsonValue.JsonObject EMPTY_OBJECT =
            new JsonValue.JsonObject(Frozen.small(new String[0], new Object[0], 0));

    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final byte[] bytes;
    private int pos;

    private PlainJson(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * Reads a whole body, or gives up.
     *
     * @param bytes the body
     * @return the value, or {@code null} when Jackson must read the body (it may still be valid JSON)
     */
    static JsonValue read(byte[] bytes) {
        if (bytes.length > JsonLimits.MAX_STRING_LENGTH) {
            return null;
        }
        PlainJson reader = new PlainJson(bytes);
        reader.skipSpace();
        if (reader.pos >= bytes.length) {
            return null;
        }
        JsonValue value = reader.value(0);
        if (value == null) {
            return null;
        }
        reader.skipSpace();
        return reader.pos == bytes.length ? value : null;
    }

    private void skipSpace() {
        byte[] b = bytes;
        int p = pos;
        while (p < b.length) {
            byte c = b[p];
            if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                p++;
            } else {
                break;
            }
        }
        pos = p;
    }

    private JsonValue value(int depth) {
        if (pos >= bytes.length) {
            return null;
        }
        switch (bytes[pos]) {
            case '{':
                return depth >= MAX_DEPTH ? null : object(depth + 1);
            case '[':
                return depth >= MAX_DEPTH ? null : array(depth + 1);
            case '"':
                String text = string();
                return text == null ? null : new JsonValue.JsonString(text);
            case 't':
                return literal("true") ? JsonValue.JsonBoolean.TRUE : null;
            case 'f':
                return literal("false") ? JsonValue.JsonBoolean.FALSE : null;
            case 'n':
                return literal("null") ? JsonValue.JsonNull.INSTANCE : null;
            default:
                return number();
        }
    }

    private boolean literal(String word) {
        int end = pos + word.length();
        if (end > bytes.length) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (bytes[pos + i] != word.charAt(i)) {
                return false;
            }
        }
        pos = end;
        return endOfValue();
    }

    /** A value must be followed by white space, a separator or the end; anything else is Jackson's. */
    private boolean endOfValue() {
        if (pos >= bytes.length) {
            return true;
        }
        byte c = bytes[pos];
        return c == ',' || c == '}' || c == ']' || c == ' ' || c == '\n' || c == '\r' || c == '\t';
    }

    /** Up to this many members an object is kept in two arrays ({@link Frozen#small}), not a hash map. */
    private static final int SMALL_OBJECT = 8;

    private JsonValue object(int depth) {
        pos++; // {
        skipSpace();
        if (pos < bytes.length && bytes[pos] == '}') {
            pos++;
            return EMPTY_OBJECT;
        }
        String[] names = new String[SMALL_OBJECT];
        JsonValue[] values = new JsonValue[SMALL_OBJECT];
        int size = 0;
        LinkedHashMap<String, JsonValue> members = null;
        while (true) {
            if (pos >= bytes.length || bytes[pos] != '"') {
                return null;
            }
            String name = name();
            if (name == null) {
                return null;
            }
            skipSpace();
            if (pos >= bytes.length || bytes[pos] != ':') {
                return null;
            }
            pos++;
            skipSpace();
            JsonValue member = value(depth);
            if (member == null) {
                return null;
            }
            // A repeated name keeps its first place and its last value, as JsonValues.read does.
            if (members != null) {
                members.put(name, member);
            } else {
                int at = indexOf(names, size, name);
                if (at >= 0) {
                    values[at] = member;
                } else if (size < SMALL_OBJECT) {
                    names[size] = name;
                    values[size++] = member;
                } else {
                    members = new LinkedHashMap<>();
                    for (int i = 0; i < size; i++) {
                        members.put(names[i], values[i]);
                    }
                    members.put(name, member);
                }
            }
            skipSpace();
            if (pos >= bytes.length) {
                return null;
            }
            byte c = bytes[pos++];
            if (c == '}') {
                return new JsonValue.JsonObject(
                        members != null ? Frozen.map(members) : Frozen.small(names, values, size));
            } else if (c != ',') {
                return null;
            }
            skipSpace();
        }
    }

    private static int indexOf(String[] names, int size, String name) {
        for (int i = 0; i < size; i++) {
            if (names[i] == name || names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private JsonValue array(int depth) {
        pos++; // [
        skipSpace();
        List<JsonValue> elements = new ArrayList<>();
        if (pos < bytes.length && bytes[pos] == ']') {
            pos++;
            return new JsonValue.JsonArray(Frozen.list(elements));
        }
        while (true) {
            JsonValue element = value(depth);
            if (element == null) {
                return null;
            }
            elements.add(element);
            skipSpace();
            if (pos >= bytes.length) {
                return null;
            }
            byte c = bytes[pos++];
            if (c == ']') {
                return new JsonValue.JsonArray(Frozen.list(elements));
            } else if (c != ',') {
                return null;
            }
            skipSpace();
        }
    }

    /** A member name: from the cache when seen before. */
    private String name() {
        byte[] b = bytes;
        int start = pos + 1;
        int hash = 0;
        int p = start;
        while (p < b.length) {
            byte c = b[p];
            if (c == '"') {
                break;
            }
            if (c < 0x20 || c == '\\') {
                // Escapes, control characters, anything not ASCII (negative): the general reader.
                String text = string();
                return text == null || text.length() > JsonLimits.MAX_NAME_LENGTH ? null : text;
            }
            hash = 31 * hash + c;
            p++;
        }
        if (p >= b.length) {
            return null;
        }
        int length = p - start;
        pos = p + 1;
        if (length > MAX_CACHED_NAME) {
            return length > JsonLimits.MAX_NAME_LENGTH
                    ? null
                    : new String(b, start, length, StandardCharsets.ISO_8859_1);
        }
        // Two ways per set (a slot and its neighbour): two names of one body that hash to the same
        // slot (a run's "request_id" and "prompt" do) would otherwise evict each other on every read,
        // and each miss costs a String.intern.
        int slot = (hash ^ (hash >>> 16)) & (NAMES.length - 1);
        Name known = NAMES[slot];
        if (known != null && Arrays.equals(known.bytes, 0, known.bytes.length, b, start, p)) {
            return known.text;
        }
        Name other = NAMES[slot ^ 1];
        if (other != null && Arrays.equals(other.bytes, 0, other.bytes.length, b, start, p)) {
            return other.text;
        }
        // Interned, as Jackson interns names: a lookup by a constant name then matches by identity.
        String name = new String(b, start, length, StandardCharsets.ISO_8859_1).intern();
        Name fresh = new Name(name, Arrays.copyOfRange(b, start, p));
        if (known == null) {
            NAMES[slot] = fresh;
        } else {
            // The newest in its own slot, the one it displaces to the neighbour: a set holds two names.
            NAMES[slot ^ 1] = known;
            NAMES[slot] = fresh;
        }
        return name;
    }

    /** A cached name and its bytes; final fields, so safely shared through the racy cache. */
    private static final class Name {
        final String text;
        final byte[] bytes;

        Name(String text, byte[] bytes) {
            this.text = text;
            this.bytes = bytes;
        }
    }

    /** A string at {@code pos} (on its quote); {@code null} to give up. */
    private String string() {
        byte[] b = bytes;
        int start = pos + 1;
        int p = start;
        // Eight bytes at a time while none is a quote, a backslash, a control character or not ASCII.
        while (p + Long.BYTES <= b.length && plainWord((long) WORDS.get(b, p))) {
            p += Long.BYTES;
        }
        while (p < b.length) {
            byte c = b[p];
            if (c == '"') {
                pos = p + 1;
                return new String(b, start, p - start, StandardCharsets.ISO_8859_1);
            }
            if (c == '\\') {
                return escaped(start, p);
            }
            if (c < 0x20) {
                return null; // a control character, or a byte of a multi-byte UTF-8 character
            }
            p++;
        }
        return null;
    }

    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    /** No byte of the word is {@code "}, {@code \\}, below 0x20 or above 0x7f. */
    private static boolean plainWord(long word) {
        long quote = word ^ (ONES * '"');
        long backslash = word ^ (ONES * '\\');
        long special = ((quote - ONES) & ~quote)
                | ((backslash - ONES) & ~backslash)
                | (word - ONES * 0x20) // a byte below 0x20 borrows into its top bit
                | word; // a byte above 0x7f has its top bit set
        return (special & HIGHS) == 0;
    }

    /** The rest of a string that holds escapes, from {@code p} (on the first backslash). */
    private String escaped(int start, int p) {
        byte[] b = bytes;
        StringBuilder text = new StringBuilder(p - start + 16);
        for (int i = start; i < p; i++) {
            text.append((char) b[i]);
        }
        while (p < b.length) {
            byte c = b[p];
            if (c == '"') {
                pos = p + 1;
                return text.length() > JsonLimits.MAX_STRING_LENGTH ? null : text.toString();
            }
            if (c < 0x20) {
                return null;
            }
            if (c != '\\') {
                text.append((char) c);
                p++;
                continue;
            }
            if (p + 1 >= b.length) {
                return null;
            }
            byte e = b[p + 1];
            p += 2;
            switch (e) {
                case '"':
                case '\\':
                case '/':
                    text.append((char) e);
                    break;
                case 'b':
                    text.append('\b');
                    break;
                case 'f':
                    text.append('\f');
                    break;
                case 'n':
                    text.append('\n');
                    break;
                case 'r':
                    text.append('\r');
                    break;
                case 't':
                    text.append('\t');
                    break;
                case 'u':
                    if (p + 4 > b.length) {
                        return null;
                    }
                    int code = 0;
                    for (int i = 0; i < 4; i++) {
                        int digit = Character.digit(b[p + i], 16);
                        if (digit < 0) {
                            return null;
                        }
                        code = code * 16 + digit;
                    }
                    text.append((char) code);
                    p += 4;
                    break;
                default:
                    return null;
            }
        }
        return null;
    }

    /**
     * A number in JSON's own grammar: a whole one of up to 18 digits as a {@code long} (what Jackson
     * reads as an int or a long), any other through a {@code double}, as {@link JsonValues#read} does.
     */
    private JsonValue number() {
        byte[] b = bytes;
        int start = pos;
        int p = pos;
        boolean negative = p < b.length && b[p] == '-';
        if (negative) {
            p++;
        }
        int digitsStart = p;
        long whole = 0;
        while (p < b.length && b[p] >= '0' && b[p] <= '9') {
            whole = whole * 10 + (b[p] - '0');
            p++;
        }
        int digits = p - digitsStart;
        if (digits == 0 || (digits > 1 && b[digitsStart] == '0')) {
            return null; // not a number, or a leading zero
        }
        boolean fraction = false;
        if (p < b.length && b[p] == '.') {
            fraction = true;
            p++;
            int from = p;
            while (p < b.length && b[p] >= '0' && b[p] <= '9') {
                p++;
            }
            if (p == from) {
                return null;
            }
        }
        if (p < b.length && (b[p] == 'e' || b[p] == 'E')) {
            fraction = true;
            p++;
            if (p < b.length && (b[p] == '+' || b[p] == '-')) {
                p++;
            }
            int from = p;
            while (p < b.length && b[p] >= '0' && b[p] <= '9') {
                p++;
            }
            if (p == from) {
                return null;
            }
        }
        if (p - start > MAX_NUMBER) {
            return null;
        }
        pos = p;
        if (!endOfValue()) {
            return null;
        }
        if (!fraction) {
            if (digits > 18) {
                return null;
            }
            return JsonValues.whole(negative ? -whole : whole);
        }
        double value = Double.parseDouble(new String(b, start, p - start, StandardCharsets.ISO_8859_1));
        return Double.isFinite(value)
                ? new JsonValue.JsonNumber(BigDecimal.valueOf(value))
                : JsonValue.JsonNull.INSTANCE;
    }
}
