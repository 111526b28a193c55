package cirrus.states.path;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import cirrus.states.json.JsonEquality;

/**
 * The predicate of a filter segment {@code [?(...)]} (the Jayway JSONPath subset: {@code @}/{@code
 * $} operands, literals, {@code == != < <= > >= =~}, {@code && || !} and parentheses).
 */
public sealed interface FilterExpression
        permits FilterExpression.And,
                FilterExpression.Or,
                FilterExpression.Not,
                FilterExpression.Exists,
                FilterExpression.Compare {

    /** Whether the predicate holds for {@code current} ({@code @}) given the document root. */
    boolean test(JsonNode current, JsonNode root);

    /** Both sides hold. */
    record And(FilterExpression left, FilterExpression right) implements FilterExpression {
        @Override
        public boolean test(JsonNode current, JsonNode root) {
            return left.test(current, root) && right.test(current, root);
        }
    }

    /** Either side holds. */
    record Or(FilterExpression left, FilterExpression right) implements FilterExpression {
        @Override
        public boolean test(JsonNode current, JsonNode root) {
            return left.test(current, root) || right.test(current, root);
        }
    }

    /** The inner predicate does not hold. */
    record Not(FilterExpression inner) implements FilterExpression {
        @Override
        public boolean test(JsonNode current, JsonNode root) {
            return !inner.test(current, root);
        }
    }

    /** {@code @.x}: the operand selects something. */
    record Exists(Operand operand) implements FilterExpression {
        @Override
        public boolean test(JsonNode current, JsonNode root) {
            return operand.value(current, root) != null;
        }
    }

    /** {@code left op right}; false when either side is absent or the types do not compare. */
    record Compare(Operand left, String operator, Operand right) implements FilterExpression {
        @Override
        public boolean test(JsonNode current, JsonNode root) {
            if (operator.equals("=~")) {
                JsonNode value = left.value(current, root);
                return value != null
                        && value.isTextual()
                        && right instanceof Operand.Regex regex
                        && regex.pattern().matcher(value.textValue()).matches();
            }
            JsonNode a = left.value(current, root);
            JsonNode b = right.value(current, root);
            if (a == null || b == null) {
                return operator.equals("!=") && (a != null || b != null);
            }
            return switch (operator) {
                case "==" -> JsonEquality.equal(a, b);
                case "!=" -> !JsonEquality.equal(a, b);
                default -> ordered(a, b);
            };
        }

        private boolean ordered(JsonNode a, JsonNode b) {
            int c;
            if (a.isNumber() && b.isNumber()) {
                c = JsonEquality.compareNumbers(a, b);
            } else if (a.isTextual() && b.isTextual()) {
                c = a.textValue().compareTo(b.textValue());
            } else {
                return false;
            }
            return switch (operator) {
                case "<" -> c < 0;
                case "<=" -> c <= 0;
                case ">" -> c > 0;
                case ">=" -> c >= 0;
                default -> false;
            };
        }
    }

    /** A value in a filter: a literal, a path relative to {@code @} or to {@code $}, a regex. */
    sealed interface Operand {
        /** The operand's value, or null when its path selects nothing. */
        JsonNode value(JsonNode current, JsonNode root);

        /** A JSON literal. */
        record Literal(JsonNode literal) implements Operand {
            @Override
            public JsonNode value(JsonNode current, JsonNode root) {
                return literal;
            }
        }

        /** {@code @...} when {@code relative}, else {@code $...}. */
        record PathOperand(boolean relative, List<Segment> segments) implements Operand {
            public PathOperand {
                segments = List.copyOf(segments);
            }

            @Override
            public JsonNode value(JsonNode current, JsonNode root) {
                List<JsonNode> nodes = new ArrayList<>(1);
                nodes.add(relative ? current : root);
                for (Segment segment : segments) {
                    List<JsonNode> next = new ArrayList<>(nodes.size());
                    for (JsonNode node : nodes) {
                        segment.select(node, root, next);
                    }
                    nodes = next;
                }
                return nodes.size() == 1 ? nodes.get(0) : null;
            }
        }

        /** {@code /regex/flags}, only meaningful on the right of {@code =~}. */
        record Regex(Pattern pattern) implements Operand {
            @Override
            public JsonNode value(JsonNode current, JsonNode root) {
                return null;
            }
        }
    }
}
