package cirrus.validate.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import cirrus.validate.Suggestions;
import cirrus.validate.source.Node;

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
    private record Ref(String document, SchemaNode schema) {}

    private Ref resolve(Ref ref) {
        Ref r = ref;
        for (int hops = 0; hops < 20 && r.schema().has("$ref"); hops++) {
            String target = r.schema().get("$ref").asText();
            int hash = target.indexOf('#');
            String document =
                    hash == 0
                            ? r.document()
                            : target.substring(0, hash < 0 ? target.length() : hash);
            SchemaNode node = JsonSchema.load(document);
            if (hash >= 0 && hash + 1 < target.length()) {
                node = node.at(target.substring(hash + 1));
            }
            r = new Ref(document, merge(node, r.schema()));
        }
        return r;
    }

    /** The referenced schema with the referring schema's other keywords added. */
    private static SchemaNode merge(SchemaNode target, SchemaNode referrer) {
        return referrer.size() == 1 ? target : target.with(referrer);
    }

    private void check(Node node, Ref ref) {
        Ref r = resolve(ref);
        SchemaNode s = r.schema();
        if (s.has("anyOf")) {
            anyOf(node, r);
            return;
        }
        if ((s.has("type") && !SchemaValues.typeMatches(node.value(), s.get("type")))
                || (s.path("x-intrinsic").asBoolean(false)
                        && !SchemaValues.isIntrinsic(node.value()))) {
            out.add(
                    new Violation(
                            Violation.Kind.WRONG_TYPE,
                            node.location(),
                            SchemaValues.label(node)
                                    + " must be "
                                    + describe(r)
                                    + ", not "
                                    + SchemaValues.describeValue(node.value()),
                            null));
            return;
        }
        Object v = node.value();
        if (s.has("enum") && !SchemaValues.inEnum(v, s.get("enum"))) {
            bad(
                    node,
                    s,
                    "must be one of "
                            + SchemaValues.list(s.get("enum"))
                            + ", not "
                            + SchemaValues.describeValue(v));
        }
        if (s.has("const") && !SchemaValues.equalsJson(v, s.get("const"))) {
            bad(node, s, "must be " + s.get("const") + ", not " + SchemaValues.describeValue(v));
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
        SchemaNode s = r.schema();
        SchemaNode properties = s.path("properties");
        if (s.has("required")) {
            for (SchemaNode req : s.get("required")) {
                if (!map.containsKey(req.asText())) {
                    out.add(
                            new Violation(
                                    Violation.Kind.MISSING_KEY,
                                    node.location(),
                                    "'"
                                            + req.asText()
                                            + "' is required in "
                                            + SchemaValues.label(node)
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
                SchemaNode names = resolve(new Ref(r.document(), s.get("propertyNames"))).schema();
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
                SchemaNode p = properties.get(key);
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
            SchemaNode pattern = matchingPattern(s.path("patternProperties"), key);
            if (pattern != null) {
                check(child, new Ref(r.document(), pattern));
                continue;
            }
            SchemaNode additional = s.get("additionalProperties");
            if (additional != null && additional.isBoolean() && !additional.asBoolean()) {
                out.add(
                        new Violation(
                                Violation.Kind.UNKNOWN_KEY,
                                child.keyLocation(),
                                "unknown setting '" + key + "' in " + SchemaValues.label(node),
                                unknownKeyHint(key, s)));
            } else if (additional != null && additional.isObject()) {
                check(child, new Ref(r.document(), additional));
            }
        }
    }

    private static String unknownKeyHint(String key, SchemaNode s) {
        SchemaNode misplaced = s.path("x-misplaced").get(key);
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

    private static SchemaNode matchingPattern(SchemaNode patterns, String key) {
        if (!patterns.isObject()) {
            return null;
        }
        for (Map.Entry<String, SchemaNode> e : patterns.properties()) {
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
        SchemaNode branches = r.schema().get("anyOf");
        List<Violation> first = null;
        for (SchemaNode b : branches) {
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
        for (SchemaNode b : branches) {
            String d = describe(resolve(new Ref(r.document(), b)));
            if (!shapes.contains(d)) {
                shapes.add(d);
            }
        }
        out.add(
                new Violation(
                        Violation.Kind.WRONG_TYPE,
                        node.location(),
                        SchemaValues.label(node)
                                + " must be "
                                + String.join(" or ", shapes)
                                + ", not "
                                + SchemaValues.describeValue(node.value())
                                + message(r.schema()),
                        null));
    }

    private boolean acceptsType(Ref ref, Object value) {
        Ref r = resolve(ref);
        if (r.schema().path("x-intrinsic").asBoolean(false)) {
            return SchemaValues.isIntrinsic(value);
        }
        if (r.schema().has("type") && !SchemaValues.typeMatches(value, r.schema().get("type"))) {
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
            for (SchemaNode b : r.schema().get("anyOf")) {
                if (acceptsType(new Ref(r.document(), b), value)) {
                    return true;
                }
            }
            return false;
        }
        return true;
    }

    private void bad(Node node, SchemaNode s, String what) {
        out.add(
                new Violation(
                        Violation.Kind.BAD_VALUE,
                        node.location(),
                        SchemaValues.label(node) + " " + what + message(s),
                        null));
    }

    private static String message(SchemaNode s) {
        return s.has("x-message") ? ": " + s.get("x-message").asText() : "";
    }

    private static String describe(Ref r) {
        SchemaNode s = r.schema();
        if (s.has("title")) {
            return s.get("title").asText();
        }
        if (!s.has("type")) {
            return "a value";
        }
        List<String> words = new ArrayList<>();
        SchemaNode type = s.get("type");
        List<SchemaNode> types = new ArrayList<>();
        if (type.isArray()) {
            type.forEach(types::add);
        } else {
            types.add(type);
        }
        for (SchemaNode t : types) {
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
}
