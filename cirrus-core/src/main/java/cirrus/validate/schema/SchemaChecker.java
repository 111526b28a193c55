package cirrus.validate.schema;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import cirrus.validate.Suggestions;
import cirrus.validate.source.Node;
import cirrus.yaml.YamlTimestamp;

/**
 * Checks a YAML tree against one of cirrus' JSON Schemas ({@link JsonSchema}), reporting every
 * violation at the line and column of the offending key or value. It interprets the subset of draft
 * 2020-12 the schemas use: {@code $ref} (within and across the shipped files), {@code type}, {@code
 * enum}, {@code const}, {@code minimum}, {@code maximum}, {@code minLength}, {@code pattern},
 * {@code properties}, {@code patternProperties}, {@code additionalProperties}, {@code
 * propertyNames}, {@code required}, {@code minProperties}, {@code maxProperties}, {@code items},
 * {@code minItems}, {@code anyOf} and {@code deprecated}; plus three keywords of its own: {@code
 * x-intrinsic} (the value is a CloudFormation intrinsic function), {@code x-message} (why a value
 * is wrong, appended to the message) and {@code x-misplaced} (keys that belong elsewhere, with
 * where).
 */
public final class SchemaChecker {
    private final List<Violation> out = new ArrayList<>();

    private SchemaChecker() {}

    /** The violations of {@code node} against the schema document {@code schemaName}. */
    public static List<Violation> check(Node node, String schemaName) {
        SchemaChecker checker = new SchemaChecker();
        checker.check(node, new Ref(schemaName, JsonSchema.load(schemaName)));
        return List.copyOf(checker.out);
    }

    /** A schema and the document it belongs to (for resolving {@code #/…} references). */
    private record Ref(String document, JsonNode schema) {}

    private Ref resolve(Ref ref) {
        Ref r = ref;
        for (int hops = 0; hops < 20 && r.schema().has("$ref"); hops++) {
            String target = r.schema().get("$ref").asText();
            int hash = target.indexOf('#');
            String document =
                    hash == 0
                            ? r.document()
                            : target.substring(0, hash < 0 ? target.length() : hash);
            JsonNode node = JsonSchema.load(document);
            if (hash >= 0 && hash + 1 < target.length()) {
                node = node.at(target.substring(hash + 1));
            }
            r = new Ref(document, merge(node, r.schema()));
        }
        return r;
    }

    /** The referenced schema with the referring schema's other keywords added. */
    private static JsonNode merge(JsonNode target, JsonNode referrer) {
        if (referrer.size() == 1) {
            return target;
        }
        var merged = target.deepCopy();
        if (merged instanceof com.fasterxml.jackson.databind.node.ObjectNode o) {
            Iterator<Map.Entry<String, JsonNode>> it = referrer.properties().iterator();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getKey().equals("$ref")) {
                    o.set(e.getKey(), e.getValue());
                }
            }
        }
        return merged;
    }

    private void check(Node node, Ref ref) {
        Ref r = resolve(ref);
        JsonNode s = r.schema();
        if (s.has("anyOf")) {
            anyOf(node, r);
            return;
        }
        if ((s.has("type") && !typeMatches(node.value(), s.get("type")))
                || (s.path("x-intrinsic").asBoolean(false) && !isIntrinsic(node.value()))) {
            out.add(
                    new Violation(
                            Violation.Kind.WRONG_TYPE,
                            node.location(),
                            label(node)
                                    + " must be "
                                    + describe(r)
                                    + ", not "
                                    + describeValue(node.value()),
                            null));
            return;
        }
        Object v = node.value();
        if (s.has("enum") && !inEnum(v, s.get("enum"))) {
            bad(node, s, "must be one of " + list(s.get("enum")) + ", not " + describeValue(v));
        }
        if (s.has("const") && !equalsJson(v, s.get("const"))) {
            bad(node, s, "must be " + s.get("const") + ", not " + describeValue(v));
        }
        if (v instanceof Number n && !(v instanceof Double d && (d.isNaN() || d.isInfinite()))) {
            double x = n.doubleValue();
            if (s.has("minimum") && x < s.get("minimum").asDouble()) {
                bad(node, s, "must be at least " + s.get("minimum").asText() + ", not " + v);
            } else if (s.has("maximum") && x > s.get("maximum").asDouble()) {
                bad(node, s, "must be at most " + s.get("maximum").asText() + ", not " + v);
            }
        }
        if (v instanceof String str) {
            if (s.has("minLength") && str.length() < s.get("minLength").asInt()) {
                bad(node, s, "must not be empty");
            }
            if (s.has("pattern")
                    && !Pattern.compile(s.get("pattern").asText()).matcher(str).find()) {
                bad(node, s, "is not valid: '" + str + "'");
            }
        }
        if (v instanceof Map<?, ?> map) {
            object(node, map, r);
        }
        if (v instanceof List<?> list) {
            if (s.has("minItems") && list.size() < s.get("minItems").asInt()) {
                bad(node, s, "must have at least " + s.get("minItems").asInt() + " item(s)");
            }
            if (s.has("items")) {
                for (Node item : node.items()) {
                    check(item, new Ref(r.document(), s.get("items")));
                }
            }
        }
    }

    private void object(Node node, Map<?, ?> map, Ref r) {
        JsonNode s = r.schema();
        JsonNode properties = s.path("properties");
        if (s.has("required")) {
            for (JsonNode req : s.get("required")) {
                if (!map.containsKey(req.asText())) {
                    out.add(
                            new Violation(
                                    Violation.Kind.MISSING_KEY,
                                    node.location(),
                                    "'"
                                            + req.asText()
                                            + "' is required in "
                                            + label(node)
                                            + message(s),
                                    null));
                }
            }
        }
        if (s.has("minProperties") && map.size() < s.get("minProperties").asInt()) {
            bad(node, s, "must not be empty");
        }
        if (s.has("maxProperties") && map.size() > s.get("maxProperties").asInt()) {
            bad(node, s, "must have at most " + s.get("maxProperties").asInt() + " key(s)");
        }
        for (Node child : node.entries()) {
            String key = child.name().orElse("");
            if (s.has("propertyNames")) {
                JsonNode names = resolve(new Ref(r.document(), s.get("propertyNames"))).schema();
                if (names.has("pattern")
                        && !Pattern.compile(names.get("pattern").asText()).matcher(key).find()) {
                    out.add(
                            new Violation(
                                    Violation.Kind.BAD_VALUE,
                                    child.keyLocation(),
                                    "'" + key + "' is not a valid name" + message(names),
                                    null));
                }
            }
            if (properties.has(key)) {
                JsonNode p = properties.get(key);
                if (p.path("deprecated").asBoolean(false)) {
                    out.add(
                            new Violation(
                                    Violation.Kind.UNKNOWN_KEY,
                                    child.keyLocation(),
                                    "'" + key + "' is ignored here",
                                    p.has("x-message") ? p.get("x-message").asText() : null));
                } else {
                    check(child, new Ref(r.document(), p));
                }
                continue;
            }
            JsonNode pattern = matchingPattern(s.path("patternProperties"), key);
            if (pattern != null) {
                check(child, new Ref(r.document(), pattern));
                continue;
            }
            JsonNode additional = s.get("additionalProperties");
            if (additional != null && additional.isBoolean() && !additional.asBoolean()) {
                out.add(
                        new Violation(
                                Violation.Kind.UNKNOWN_KEY,
                                child.keyLocation(),
                                "unknown setting '" + key + "' in " + label(node),
                                unknownKeyHint(key, s)));
            } else if (additional != null && additional.isObject()) {
                check(child, new Ref(r.document(), additional));
            }
        }
    }

    private static String unknownKeyHint(String key, JsonNode s) {
        JsonNode misplaced = s.path("x-misplaced").get(key);
        if (misplaced != null) {
            return "it belongs at " + misplaced.asText();
        }
        List<String> known = new ArrayList<>();
        s.path("properties")
                .properties()
                .forEach(
                        e -> {
                            if (!e.getValue().path("deprecated").asBoolean(false)) {
                                known.add(e.getKey());
                            }
                        });
        return Suggestions.hint(key, known);
    }

    private static JsonNode matchingPattern(JsonNode patterns, String key) {
        if (!patterns.isObject()) {
            return null;
        }
        for (Map.Entry<String, JsonNode> e : patterns.properties()) {
            if (Pattern.compile(e.getKey()).matcher(key).find()) {
                return e.getValue();
            }
        }
        return null;
    }

    /**
     * {@code anyOf}: fine if a branch matches; otherwise the violations of the first branch that
     * accepts the value's type (so a number out of range reads as such), or a type error naming
     * every accepted shape.
     */
    private void anyOf(Node node, Ref r) {
        JsonNode branches = r.schema().get("anyOf");
        List<Violation> first = null;
        for (JsonNode b : branches) {
            SchemaChecker trial = new SchemaChecker();
            Ref branch = new Ref(r.document(), b);
            trial.check(node, branch);
            if (trial.out.isEmpty()) {
                return;
            }
            if (first == null && acceptsType(branch, node.value())) {
                first = trial.out;
            }
        }
        if (first != null) {
            out.addAll(first);
            return;
        }
        List<String> shapes = new ArrayList<>();
        for (JsonNode b : branches) {
            String d = describe(resolve(new Ref(r.document(), b)));
            if (!shapes.contains(d)) {
                shapes.add(d);
            }
        }
        out.add(
                new Violation(
                        Violation.Kind.WRONG_TYPE,
                        node.location(),
                        label(node)
                                + " must be "
                                + String.join(" or ", shapes)
                                + ", not "
                                + describeValue(node.value())
                                + message(r.schema()),
                        null));
    }

    private boolean acceptsType(Ref ref, Object value) {
        Ref r = resolve(ref);
        if (r.schema().path("x-intrinsic").asBoolean(false)) {
            return isIntrinsic(value);
        }
        if (r.schema().has("type") && !typeMatches(value, r.schema().get("type"))) {
            return false;
        }
        if (r.schema().has("pattern") && value instanceof String s) {
            // a pattern in a branch tells shapes apart (a ${...} variable is a string of a shape)
            return Pattern.compile(r.schema().get("pattern").asText()).matcher(s).find();
        }
        if (r.schema().has("type")) {
            return true;
        }
        if (r.schema().has("anyOf")) {
            for (JsonNode b : r.schema().get("anyOf")) {
                if (acceptsType(new Ref(r.document(), b), value)) {
                    return true;
                }
            }
            return false;
        }
        return true;
    }

    private void bad(Node node, JsonNode s, String what) {
        out.add(
                new Violation(
                        Violation.Kind.BAD_VALUE,
                        node.location(),
                        label(node) + " " + what + message(s),
                        null));
    }

    private static String message(JsonNode s) {
        return s.has("x-message") ? ": " + s.get("x-message").asText() : "";
    }

    /** A CloudFormation intrinsic function: a mapping with one key, Ref, Condition or Fn::X. */
    public static boolean isIntrinsic(Object v) {
        if (!(v instanceof Map<?, ?> m) || m.size() != 1) {
            return false;
        }
        String key = String.valueOf(m.keySet().iterator().next());
        return key.equals("Ref") || key.equals("Condition") || key.startsWith("Fn::");
    }

    static boolean typeMatches(Object v, JsonNode type) {
        if (type.isArray()) {
            for (JsonNode t : type) {
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

    private static String describe(Ref r) {
        JsonNode s = r.schema();
        if (s.has("title")) {
            return s.get("title").asText();
        }
        if (!s.has("type")) {
            return "a value";
        }
        List<String> words = new ArrayList<>();
        JsonNode type = s.get("type");
        List<JsonNode> types = new ArrayList<>();
        if (type.isArray()) {
            type.forEach(types::add);
        } else {
            types.add(type);
        }
        for (JsonNode t : types) {
            words.add(
                    switch (t.asText()) {
                        case "object" -> "a mapping";
                        case "array" -> "a list";
                        case "string" -> "a string";
                        case "integer" -> "an integer";
                        case "number" -> "a number";
                        case "boolean" -> "true or false";
                        case "null" -> "empty";
                        default -> t.asText();
                    });
        }
        return String.join(" or ", words);
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

    private static String label(Node node) {
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

    private static boolean inEnum(Object v, JsonNode values) {
        for (JsonNode e : values) {
            if (equalsJson(v, e)) {
                return true;
            }
        }
        return false;
    }

    private static boolean equalsJson(Object v, JsonNode e) {
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

    private static String list(JsonNode values) {
        List<String> items = new ArrayList<>();
        values.forEach(v -> items.add(v.isTextual() ? v.asText() : v.toString()));
        return String.join(", ", items);
    }
}
