package cirrus.states.path;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

import cirrus.states.json.Json;

/** {@code States.Format} and {@code States.StringSplit}. */
final class StringFunctions {
    private StringFunctions() {}

    static JsonNode format(Invocation inv) {
        List<String> parts = templateParts(inv);
        int placeholders = parts.size() - 1;
        int values = inv.args().size() - 1;
        if (placeholders != values) {
            throw inv.fail(
                    "the template has " + placeholders + " '{}' but " + values + " values follow");
        }
        StringBuilder out = new StringBuilder(parts.get(0));
        for (int i = 1; i < parts.size(); i++) {
            out.append(text(inv.args().get(i))).append(parts.get(i));
        }
        return Json.NODES.textNode(out.toString());
    }

    /** The template split at its placeholders; a literal keeps track of escaped braces. */
    private static List<String> templateParts(Invocation inv) {
        if (inv.call().arguments().get(0) instanceof IntrinsicCall.Literal literal) {
            if (!literal.value().isTextual()) {
                throw inv.fail("argument 1 must be a string");
            }
            return literal.formatParts();
        }
        return List.of(inv.string(0).split("\\{}", -1));
    }

    /**
     * A value as Step Functions prints it in a template: strings bare, scalars as JSON, arrays and
     * objects the way Java renders lists and maps ({@code [a, b]}, {@code {k=v}}).
     */
    static String text(JsonNode value) {
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isArray()) {
            StringBuilder out = new StringBuilder("[");
            for (int i = 0; i < value.size(); i++) {
                out.append(i == 0 ? "" : ", ").append(text(value.get(i)));
            }
            return out.append(']').toString();
        }
        if (value.isObject()) {
            StringBuilder out = new StringBuilder("{");
            Iterator<Map.Entry<String, JsonNode>> fields = value.properties().iterator();
            boolean first = true;
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                out.append(first ? "" : ", ")
                        .append(field.getKey())
                        .append('=')
                        .append(text(field.getValue()));
                first = false;
            }
            return out.append('}').toString();
        }
        return Json.write(value);
    }

    /** Splits at any of the delimiter characters; empty pieces are dropped. */
    static JsonNode split(Invocation inv) {
        String text = inv.string(0);
        String delimiters = inv.string(1);
        if (delimiters.isEmpty()) {
            throw inv.fail("the delimiter cannot be empty");
        }
        ArrayNode result = Json.NODES.arrayNode();
        StringBuilder piece = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (delimiters.indexOf(c) >= 0) {
                if (piece.length() > 0) {
                    result.add(piece.toString());
                    piece.setLength(0);
                }
            } else {
                piece.append(c);
            }
        }
        if (piece.length() > 0) {
            result.add(piece.toString());
        }
        return result;
    }
}
