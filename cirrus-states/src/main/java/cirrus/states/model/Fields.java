package cirrus.states.model;

import java.util.Iterator;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import cirrus.states.path.Expression;
import cirrus.states.path.Path;
import cirrus.states.path.PathSyntaxException;
import cirrus.states.path.PayloadTemplate;
import cirrus.states.path.ReferencePath;

/**
 * Typed access to the fields of one JSON object of a definition; every problem is reported with the
 * field's location and the reader carries on, so that one pass finds all errors.
 */
final class Fields {
    private final JsonNode node;
    private final FieldPath at;
    private final Problems problems;

    Fields(JsonNode node, FieldPath at, Problems problems) {
        this.node = node;
        this.at = at;
        this.problems = problems;
    }

    FieldPath at() {
        return at;
    }

    FieldPath at(String name) {
        return at.field(name);
    }

    Problems problems() {
        return problems;
    }

    boolean has(String name) {
        return node.has(name);
    }

    JsonNode raw(String name) {
        return node.get(name);
    }

    /** Reports every field not in {@code allowed}. */
    void rejectUnknown(Set<String> allowed, String what, Set<String> unsupported) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (unsupported.contains(name)) {
                problems.add(
                        DefinitionCode.UNSUPPORTED,
                        at(name),
                        "'" + name + "' is not supported by this interpreter");
            } else if (!allowed.contains(name)) {
                problems.add(
                        DefinitionCode.UNKNOWN_FIELD,
                        at(name),
                        "'" + name + "' is not a field of " + what + "; allowed: " + allowed);
            }
        }
    }

    String requiredString(String name) {
        if (!node.has(name)) {
            problems.add(DefinitionCode.MISSING_FIELD, at, "'" + name + "' is required");
            return null;
        }
        return string(name);
    }

    String string(String name) {
        JsonNode value = node.get(name);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            problems.add(DefinitionCode.WRONG_TYPE, at(name), "'" + name + "' must be a string");
            return null;
        }
        return value.textValue();
    }

    Boolean bool(String name) {
        JsonNode value = node.get(name);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            problems.add(
                    DefinitionCode.WRONG_TYPE, at(name), "'" + name + "' must be true or false");
            return null;
        }
        return value.booleanValue();
    }

    /** An integer field in {@code [min, max]}, or null when absent or bad. */
    Long integer(String name, long min, long max) {
        JsonNode value = node.get(name);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            problems.add(DefinitionCode.WRONG_TYPE, at(name), "'" + name + "' must be an integer");
            return null;
        }
        long n = value.longValue();
        if (n < min || n > max) {
            problems.add(
                    DefinitionCode.BAD_VALUE,
                    at(name),
                    "'" + name + "' must be between " + min + " and " + max + ", not " + n);
            return null;
        }
        return n;
    }

    Integer intField(String name, long min, long max) {
        Long n = integer(name, min, max);
        return n == null ? null : n.intValue();
    }

    /** A number field in {@code [min, max]}, or null when absent or bad. */
    Double number(String name, double min, double max) {
        JsonNode value = node.get(name);
        if (value == null) {
            return null;
        }
        if (!value.isNumber()) {
            problems.add(DefinitionCode.WRONG_TYPE, at(name), "'" + name + "' must be a number");
            return null;
        }
        double n = value.doubleValue();
        if (n < min || n > max) {
            problems.add(
                    DefinitionCode.BAD_VALUE,
                    at(name),
                    "'" + name + "' must be between " + min + " and " + max + ", not " + n);
            return null;
        }
        return n;
    }

    /** A Path field: {@code $} when absent, null when JSON null. */
    Path path(String name) {
        JsonNode value = node.get(name);
        if (value == null) {
            return Path.ROOT;
        }
        if (value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            problems.add(
                    DefinitionCode.WRONG_TYPE, at(name), "'" + name + "' must be a path or null");
            return Path.ROOT;
        }
        try {
            return Path.parse(value.textValue());
        } catch (PathSyntaxException e) {
            problems.add(DefinitionCode.BAD_PATH, at(name), e.getMessage());
            return Path.ROOT;
        }
    }

    /** A ResultPath-like field: {@code $} when absent, null when JSON null. */
    ReferencePath resultPath(String name) {
        JsonNode value = node.get(name);
        if (value == null) {
            return ReferencePath.ROOT;
        }
        if (value.isNull()) {
            return null;
        }
        ReferencePath path = referencePath(name);
        if (path != null && path.path().root() == Path.Root.CONTEXT) {
            problems.add(
                    DefinitionCode.BAD_PATH, at(name), "'" + name + "' cannot start with '$$'");
            return ReferencePath.ROOT;
        }
        return path == null ? ReferencePath.ROOT : path;
    }

    /** A reference path field, or null when absent or bad. */
    ReferencePath referencePath(String name) {
        JsonNode value = node.get(name);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            problems.add(
                    DefinitionCode.WRONG_TYPE, at(name), "'" + name + "' must be a reference path");
            return null;
        }
        try {
            return ReferencePath.parse(value.textValue());
        } catch (PathSyntaxException e) {
            problems.add(DefinitionCode.BAD_PATH, at(name), e.getMessage());
            return null;
        }
    }

    /** A reference path or intrinsic function field, or null when absent or bad. */
    Expression expression(String name) {
        String text = string(name);
        if (text == null) {
            return null;
        }
        try {
            return Expression.parse(text);
        } catch (PathSyntaxException e) {
            problems.add(DefinitionCode.BAD_PATH, at(name), e.getMessage());
            return null;
        }
    }

    /** A payload template field, or null when absent or bad. */
    PayloadTemplate template(String name) {
        JsonNode value = node.get(name);
        if (value == null) {
            return null;
        }
        if (!value.isObject()) {
            problems.add(DefinitionCode.WRONG_TYPE, at(name), "'" + name + "' must be an object");
            return null;
        }
        try {
            return PayloadTemplate.compile(value);
        } catch (PayloadTemplate.TemplateException e) {
            problems.add(
                    DefinitionCode.BAD_TEMPLATE, at(name).append(e.location()), e.getMessage());
            return null;
        }
    }

    /** Reports that at most one of two fields may be given; returns whether both are. */
    boolean exclusive(String a, String b) {
        if (node.has(a) && node.has(b)) {
            problems.add(
                    DefinitionCode.CONFLICTING_FIELDS,
                    at(b),
                    "'" + a + "' and '" + b + "' cannot both be given");
            return true;
        }
        return false;
    }
}
