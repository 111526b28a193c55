package cirrus.runtime.payload;

import static cirrus.runtime.payload.InvalidPayloadException.Code.INVALID_VALUE;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A {@code chain_filter}: the filter expression of the JSONPath {@code
 * $.features[?(<chain_filter>)]} in the jsonpath-ng "ext" dialect cirrus uses, e.g. {@code @.id =~
 * 'fake*' & @.properties.gsd <= 0}.
 *
 * <p>Grammar: terms joined by {@code &} (and) or {@code |} (or, binding looser), optionally
 * parenthesised; a term is {@code @.path} (the value exists) or {@code @.path OP literal} with
 * {@code OP} one of {@code == = != < <= > >= =~}. Paths use {@code .name}, {@code .'quoted name'}
 * or {@code [index]}. As in jsonpath-ng, an integer literal converts the item's value with Python
 * {@code int()} before comparing, {@code =~} is a regex search on strings, and a comparison between
 * incompatible types is false.
 */
public final class ChainFilter {
    private final String text;
    private final Node root;

    private ChainFilter(String text, Node root) {
        this.text = text;
        this.root = root;
    }

    /**
     * Parses a filter expression.
     *
     * @throws InvalidPayloadException naming {@code process.chain_filter} when it does not parse
     */
    public static ChainFilter parse(String text) {
        try {
            ChainFilterParser parser = new ChainFilterParser(text);
            Node root = parser.or();
            parser.skipSpaces();
            if (!parser.atEnd()) {
                throw parser.error("unexpected '" + parser.rest() + "'");
            }
            return new ChainFilter(text, root);
        } catch (IllegalArgumentException e) {
            throw new InvalidPayloadException(
                    INVALID_VALUE, "process.chain_filter", e.getMessage() + " in '" + text + "'");
        }
    }

    /** Whether {@code item} passes the filter. */
    public boolean matches(JsonNode item) {
        return root.test(item);
    }

    @Override
    public String toString() {
        return text;
    }

    /** A node of the filter's syntax tree. */
    sealed interface Node permits And, Or, Exists, Compare {
        boolean test(JsonNode item);
    }

    record And(Node left, Node right) implements Node {
        @Override
        public boolean test(JsonNode item) {
            return left.test(item) && right.test(item);
        }
    }

    record Or(Node left, Node right) implements Node {
        @Override
        public boolean test(JsonNode item) {
            return left.test(item) || right.test(item);
        }
    }

    record Exists(List<Object> path) implements Node {
        @Override
        public boolean test(JsonNode item) {
            return resolve(item, path) != null;
        }
    }

    record Compare(List<Object> path, String op, Object literal) implements Node {
        @Override
        public boolean test(JsonNode item) {
            JsonNode value = resolve(item, path);
            if (value == null) {
                return false;
            }
            if (op.equals("=~")) {
                return value.isTextual() && ((Pattern) literal).matcher(value.textValue()).find();
            }
            Integer order = compare(value, literal);
            if (order == null) {
                return op.equals("!=");
            }
            return switch (op) {
                case "==", "=" -> order == 0;
                case "!=" -> order != 0;
                case "<" -> order < 0;
                case "<=" -> order <= 0;
                case ">" -> order > 0;
                case ">=" -> order >= 0;
                default -> throw new IllegalStateException(op);
            };
        }

        /** value vs literal, or null when they do not compare. */
        private static Integer compare(JsonNode value, Object literal) {
            if (literal instanceof BigInteger integer) {
                BigInteger coerced = pythonInt(value);
                return coerced == null ? null : coerced.compareTo(integer);
            }
            if (literal instanceof BigDecimal decimal) {
                return value.isNumber() ? value.decimalValue().compareTo(decimal) : null;
            }
            if (literal instanceof String s) {
                return value.isTextual() ? value.textValue().compareTo(s) : null;
            }
            if (literal instanceof Boolean b) {
                return value.isBoolean() ? Boolean.compare(value.booleanValue(), b) : null;
            }
            return value.isNull() ? 0 : null;
        }

        /** Python {@code int(value)}: truncates numbers, parses integer strings. */
        private static BigInteger pythonInt(JsonNode value) {
            if (value.isIntegralNumber()) {
                return value.bigIntegerValue();
            }
            if (value.isNumber()) {
                return value.decimalValue().toBigInteger();
            }
            if (value.isBoolean()) {
                return value.booleanValue() ? BigInteger.ONE : BigInteger.ZERO;
            }
            if (value.isTextual()) {
                try {
                    return new BigInteger(value.textValue().strip().replace("_", ""));
                } catch (NumberFormatException e) {
                    return null;
                }
            }
            return null;
        }
    }

    static JsonNode resolve(JsonNode item, List<Object> path) {
        JsonNode current = item;
        for (Object step : path) {
            if (step instanceof Integer index) {
                if (!current.isArray()) {
                    return null;
                }
                int i = index < 0 ? current.size() + index : index;
                current = current.get(i);
            } else {
                current = current.isObject() ? current.get((String) step) : null;
            }
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    /** The {@code null} literal. */
    enum JsonNodeNull {
        NULL
    }
}
