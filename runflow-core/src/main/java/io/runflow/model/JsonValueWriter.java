package io.runflow.model;

import java.util.Iterator;
import java.util.Map;

/** Writes {@link JsonValue}s as compact JSON text (RFC 8259), escaping what a string must escape. */
final class JsonValueWriter {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonValueWriter() {}

    static void write(JsonValue value, StringBuilder out) {
        if (value instanceof JsonValue.JsonObject object) {
            out.append('{');
            Iterator<Map.Entry<String, JsonValue>> members =
                    object.members().entrySet().iterator();
            while (members.hasNext()) {
                Map.Entry<String, JsonValue> member = members.next();
                string(member.getKey(), out);
                out.append(':');
                write(member.getValue(), out);
                if (members.hasNext()) {
                    out.append(',');
                }
            }
            out.append('}');
        } else if (value instanceof JsonValue.JsonArray array) {
            out.append('[');
            for (int i = 0; i < array.elements().size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(array.elements().get(i), out);
            }
            out.append(']');
        } else if (value instanceof JsonValue.JsonString string) {
            string(string.value(), out);
        } else if (value instanceof JsonValue.JsonNumber number) {
            out.append(number.value().toString());
        } else if (value instanceof JsonValue.JsonBoolean bool) {
            out.append(bool.value());
        } else {
            out.append("null");
        }
    }

    private static void string(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append("\\u")
                                .append(HEX[(c >> 12) & 0xF])
                                .append(HEX[(c >> 8) & 0xF])
                                .append(HEX[(c >> 4) & 0xF])
                                .append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
