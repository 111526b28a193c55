package cirrus.validate.schema;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cirrus.validate.source.Node;
import cirrus.yaml.YamlTimestamp;

/**
 * How {@link SchemaChecker} compares YAML values with schema keywords and names them in messages.
 */
final class SchemaValues {
    private SchemaValues() {}

    /** A CloudFormation intrinsic function: a mapping with one key, Ref, Condition or Fn::X. */
    static boolean isIntrinsic(Object v) {
        if (!(v instanceof Map<?, ?> m) || m.size() != 1) {
            return false;
        }
        String key = String.valueOf(m.keySet().iterator().next());
        return key.equals("Ref") || key.equals("Condition") || key.startsWith("Fn::");
    }

    static boolean typeMatches(Object v, SchemaNode type) {
        if (type.isArray()) {
            for (SchemaNode t : type) {
                if (typeMatches(v, t)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.asText()) {
            case "object" -> v instanceof Map<?, ?>;
            case "array" -> v instanceof List<?>;
            case "string" -> v instanceof String || v instanceof YamlTimestamp;
            case "integer" ->
                    v instanceof Long
                            || v instanceof Integer
                            || v instanceof BigInteger
                            || (v instanceof Double d && d == Math.rint(d) && !d.isInfinite());
            case "number" -> v instanceof Number;
            case "boolean" -> v instanceof Boolean;
            case "null" -> v == null;
            default -> true;
        };
    }

    static String describeValue(Object v) {
        if (v == null) {
            return "empty";
        }
        if (v instanceof Map<?, ?> m) {
            return m.size() == 1
                            && String.valueOf(m.keySet().iterator().next())
                                    .matches("Ref|Condition|Fn::.*")
                    ? "an intrinsic function (" + m.keySet().iterator().next() + ")"
                    : "a mapping";
        }
        if (v instanceof List<?>) {
            return "a list";
        }
        if (v instanceof Boolean b) {
            return "a boolean (" + b + ")";
        }
        if (v instanceof Number n) {
            return "a number (" + n + ")";
        }
        String s = String.valueOf(v);
        return "a string ('" + (s.length() > 40 ? s.substring(0, 37) + "..." : s) + "')";
    }

    static String label(Node node) {
        Object key = node.key();
        if (key instanceof String k) {
            return "'" + k + "'";
        }
        if (key instanceof Integer i) {
            Node parent = node.parent();
            return "item "
                    + (i + 1)
                    + (parent != null && parent.key() instanceof String p ? " of '" + p + "'" : "");
        }
        return node.file() == null ? "the file" : String.valueOf(node.file().getFileName());
    }

    static boolean inEnum(Object v, SchemaNode values) {
        for (SchemaNode e : values) {
            if (equalsJson(v, e)) {
                return true;
            }
        }
        return false;
    }

    static boolean equalsJson(Object v, SchemaNode e) {
        if (e.isTextual()) {
            return e.asText()
                    .equals(
                            v instanceof String || v instanceof YamlTimestamp
                                    ? v.toString()
                                    : null);
        }
        if (e.isBoolean()) {
            return v instanceof Boolean b && b == e.asBoolean();
        }
        if (e.isNumber()) {
            return v instanceof Number n && n.doubleValue() == e.asDouble();
        }
        return e.isNull() && v == null;
    }

    static String list(SchemaNode values) {
        List<String> items = new ArrayList<>();
        values.forEach(v -> items.add(v.isTextual() ? v.asText() : v.toString()));
        return String.join(", ", items);
    }
}
