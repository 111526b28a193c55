package cirrus.runtime.json;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * JSON text exactly as Python's {@code json.dumps(value)} writes it with default arguments ({@code
 * ", "} and {@code ": "} separators, {@code ensure_ascii=True}, floats in {@code repr} form), so
 * that size limits measured by cirrus ({@code len(json.dumps(payload))}) give the same numbers
 * here, and messages look the same on the wire.
 */
public final class PythonJson {
    private PythonJson() {}

    /** {@code json.dumps(node)}. */
    public static String dumps(JsonNode node) {
        StringBuilder out = new StringBuilder();
        write(out, node);
        return out.toString();
    }

    /** {@code json.dumps(text)}: a JSON string literal with non-ASCII escaped. */
    public static String dumpsString(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2);
        writeString(out, text);
        return out.toString();
    }

    /**
     * Python's {@code str()} of a JSON scalar (used by path templates): {@code True}, {@code 17}.
     */
    public static String str(JsonNode node) {
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue() ? "True" : "False";
        }
        if (node.isNull() || node.isMissingNode()) {
            return "None";
        }
        return dumps(node);
    }

    private static void write(StringBuilder out, JsonNode node) {
        if (node.isObject()) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (!first) {
                    out.append(", ");
                }
                first = false;
                writeString(out, e.getKey());
                out.append(": ");
                write(out, e.getValue());
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                write(out, node.get(i));
            }
            out.append(']');
        } else if (node.isTextual()) {
            writeString(out, node.textValue());
        } else if (node.isBoolean()) {
            out.append(node.booleanValue() ? "true" : "false");
        } else if (node.isNull() || node.isMissingNode()) {
            out.append("null");
        } else if (node.isIntegralNumber()) {
            out.append(node.bigIntegerValue());
        } else if (node.isNumber()) {
            out.append(PythonFloat.repr(node.doubleValue()));
        } else {
            writeString(out, node.asText());
        }
    }

    private static void writeString(StringBuilder out, String text) {
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
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
