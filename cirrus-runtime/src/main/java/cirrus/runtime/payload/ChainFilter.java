package cirrus.runtime.payload;

import static cirrus.runtime.payload.InvalidPayloadException.Code.INVALID_VALUE;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

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
            Parser parser = new Parser(text);
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

    /** Recursive-descent parser over the filter text. */
    private static final class Parser {
        private final String s;
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        Node or() {
            Node left = and();
            while (consume("|")) {
                left = new Or(left, and());
            }
            return left;
        }

        Node and() {
            Node left = term();
            while (consume("&")) {
                left = new And(left, term());
            }
            return left;
        }

        Node term() {
            if (consume("(")) {
                Node inner = or();
                if (!consume(")")) {
                    throw error("missing ')'");
                }
                return inner;
            }
            List<Object> path = path();
            skipSpaces();
            String op = operator();
            if (op == null) {
                return new Exists(path);
            }
            Object literal = literal();
            if (op.equals("=~")) {
                if (!(literal instanceof String regex)) {
                    throw error("=~ needs a quoted regular expression");
                }
                try {
                    return new Compare(path, op, Pattern.compile(regex));
                } catch (PatternSyntaxException e) {
                    throw error("bad regular expression '" + regex + "'");
                }
            }
            return new Compare(path, op, literal);
        }

        List<Object> path() {
            skipSpaces();
            if (!consume("@")) {
                throw error("expected '@' (the current feature)");
            }
            List<Object> path = new ArrayList<>();
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c == '.') {
                    pos++;
                    path.add(peekQuote() ? quoted() : name());
                } else if (c == '[') {
                    pos++;
                    skipSpaces();
                    if (peekQuote()) {
                        path.add(quoted());
                    } else {
                        int start = pos;
                        while (pos < s.length()
                                && (s.charAt(pos) == '-' || Character.isDigit(s.charAt(pos)))) {
                            pos++;
                        }
                        try {
                            path.add(Integer.parseInt(s.substring(start, pos)));
                        } catch (NumberFormatException e) {
                            throw error("expected an index or a quoted name after '['");
                        }
                    }
                    skipSpaces();
                    if (!consume("]")) {
                        throw error("missing ']'");
                    }
                } else {
                    break;
                }
            }
            return path;
        }

        String name() {
            int start = pos;
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == ':' || c == '@') {
                    pos++;
                } else {
                    break;
                }
            }
            if (start == pos) {
                throw error("expected a field name");
            }
            return s.substring(start, pos);
        }

        boolean peekQuote() {
            return pos < s.length() && (s.charAt(pos) == '\'' || s.charAt(pos) == '"');
        }

        String quoted() {
            char quote = s.charAt(pos++);
            StringBuilder out = new StringBuilder();
            while (pos < s.length() && s.charAt(pos) != quote) {
                char c = s.charAt(pos++);
                if (c == '\\' && pos < s.length()) {
                    c = s.charAt(pos++);
                }
                out.append(c);
            }
            if (pos >= s.length()) {
                throw error("unterminated string");
            }
            pos++;
            return out.toString();
        }

        String operator() {
            for (String op : List.of("=~", "==", "!=", "<=", ">=", "<", ">", "=")) {
                if (s.startsWith(op, pos)) {
                    pos += op.length();
                    return op;
                }
            }
            return null;
        }

        Object literal() {
            skipSpaces();
            if (peekQuote()) {
                return quoted();
            }
            int start = pos;
            while (pos < s.length()
                    && "&|()".indexOf(s.charAt(pos)) < 0
                    && !Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
            String word = s.substring(start, pos);
            switch (word) {
                case "true":
                    return Boolean.TRUE;
                case "false":
                    return Boolean.FALSE;
                case "null":
                    return JsonNodeNull.NULL;
                default:
                    try {
                        if (word.matches("[-+]?\\d+")) {
                            return new BigInteger(word);
                        }
                        return new BigDecimal(word);
                    } catch (NumberFormatException e) {
                        throw error("expected a quoted string, a number, true, false or null");
                    }
            }
        }

        boolean consume(String token) {
            skipSpaces();
            if (s.startsWith(token, pos)) {
                pos += token.length();
                return true;
            }
            return false;
        }

        void skipSpaces() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        boolean atEnd() {
            return pos >= s.length();
        }

        String rest() {
            return s.substring(pos);
        }

        IllegalArgumentException error(String message) {
            return new IllegalArgumentException(message + " at character " + (pos + 1));
        }
    }

    /** The {@code null} literal. */
    private enum JsonNodeNull {
        NULL
    }
}
