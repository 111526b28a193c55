package cirrus.states.json;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Size in UTF-8 bytes of a value's compact JSON text, computed without writing it, so that the 256
 * KiB payload limit of Step Functions can be checked on every state output cheaply.
 */
public final class JsonSize {
    private JsonSize() {}

    /**
     * The compact UTF-8 size of {@code node}, or a number greater than {@code limit} as soon as the
     * size is known to exceed it.
     */
    public static long utf8Length(JsonNode node, long limit) {
        return measure(node, 0, limit);
    }

    private static long measure(JsonNode node, long acc, long limit) {
        if (acc > limit) {
            return acc;
        }
        switch (node.getNodeType()) {
            case OBJECT -> {
                long size = acc + 2;
                Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator();
                boolean first = true;
                while (fields.hasNext() && size <= limit) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    size += (first ? 0 : 1) + string(field.getKey()) + 1;
                    size = measure(field.getValue(), size, limit);
                    first = false;
                }
                return size;
            }
            case ARRAY -> {
                long size = acc + 2 + Math.max(0, node.size() - 1);
                for (int i = 0; i < node.size() && size <= limit; i++) {
                    size = measure(node.get(i), size, limit);
                }
                return size;
            }
            case STRING -> {
                return acc + string(node.textValue());
            }
            case NULL -> {
                return acc + 4;
            }
            case BOOLEAN -> {
                return acc + (node.booleanValue() ? 4 : 5);
            }
            default -> {
                return acc + node.asText().length();
            }
        }
    }

    /** Bytes of a JSON string literal with quotes and escapes. */
    private static long string(String s) {
        long size = 2;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                size += 2;
            } else if (c < 0x20) {
                size += (c == '\n' || c == '\t' || c == '\r' || c == '\b' || c == '\f') ? 2 : 6;
            } else if (c < 0x80) {
                size += 1;
            } else if (c < 0x800) {
                size += 2;
            } else if (Character.isHighSurrogate(c)) {
                size += 4;
                i++;
            } else {
                size += 3;
            }
        }
        return size;
    }
}
