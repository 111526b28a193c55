package cirrus.validate.schema;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A read-only view of a part of a JSON Schema document, read as YAML (JSON is YAML, and the YAML
 * reader is loaded anyway, which keeps a JSON library off the validator's start-up path). Offers
 * the few accessors {@link SchemaChecker} needs; a missing part is an empty node.
 */
final class SchemaNode implements Iterable<SchemaNode> {
    static final SchemaNode MISSING = new SchemaNode(null, false);

    private final Object value;
    private final boolean present;

    private SchemaNode(Object value, boolean present) {
        this.value = value;
        this.present = present;
    }

    static SchemaNode of(Object value) {
        return new SchemaNode(value, true);
    }

    boolean has(String key) {
        return value instanceof Map<?, ?> m && m.containsKey(key);
    }

    /** The child {@code key}, or {@code null} when there is none. */
    SchemaNode get(String key) {
        return has(key) ? of(((Map<?, ?>) value).get(key)) : null;
    }

    /** The child {@code key}, or an empty node. */
    SchemaNode path(String key) {
        return has(key) ? of(((Map<?, ?>) value).get(key)) : MISSING;
    }

    /** The node a JSON pointer ({@code /$defs/name}) names, or an empty node. */
    SchemaNode at(String pointer) {
        SchemaNode n = this;
        for (String step : pointer.split("/")) {
            if (!step.isEmpty()) {
                n = n.path(step.replace("~1", "/").replace("~0", "~"));
            }
        }
        return n;
    }

    boolean isObject() {
        return value instanceof Map<?, ?>;
    }

    boolean isArray() {
        return value instanceof List<?>;
    }

    boolean isBoolean() {
        return value instanceof Boolean;
    }

    boolean isTextual() {
        return value instanceof String;
    }

    boolean isNumber() {
        return value instanceof Number;
    }

    boolean isNull() {
        return present && value == null;
    }

    String asText() {
        return value == null ? "" : String.valueOf(value);
    }

    boolean asBoolean(boolean otherwise) {
        return value instanceof Boolean b ? b : otherwise;
    }

    boolean asBoolean() {
        return asBoolean(false);
    }

    double asDouble() {
        return value instanceof Number n ? n.doubleValue() : 0;
    }

    int asInt() {
        return value instanceof Number n ? n.intValue() : 0;
    }

    int size() {
        if (value instanceof Map<?, ?> m) {
            return m.size();
        }
        return value instanceof List<?> l ? l.size() : 0;
    }

    /** The entries of an object node, in order. */
    Set<Map.Entry<String, SchemaNode>> properties() {
        Map<String, SchemaNode> entries = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> entries.put(String.valueOf(k), of(v)));
        }
        return entries.entrySet();
    }

    /** The items of an array node. */
    @Override
    public Iterator<SchemaNode> iterator() {
        List<SchemaNode> items = new ArrayList<>();
        if (value instanceof List<?> l) {
            l.forEach(v -> items.add(of(v)));
        }
        return items.iterator();
    }

    /**
     * This object with {@code extra}'s keys (but {@code $ref}) added: a {@code $ref} with siblings.
     */
    SchemaNode with(SchemaNode extra) {
        if (!(value instanceof Map<?, ?> m) || !(extra.value instanceof Map<?, ?> e)) {
            return this;
        }
        Map<Object, Object> merged = new LinkedHashMap<>(m);
        e.forEach(
                (k, v) -> {
                    if (!"$ref".equals(k)) {
                        merged.put(k, v);
                    }
                });
        return of(merged);
    }

    Object value() {
        return value;
    }

    @Override
    public String toString() {
        return String.valueOf(value);
    }
}
