package cirrus.states.choice;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

import cirrus.states.ErrorNames;
import cirrus.states.StatesFailure;
import cirrus.states.json.JsonEquality;
import cirrus.states.path.Path;

/**
 * A JSONPath Choice Rule: a boolean expression ({@code And}, {@code Or}, {@code Not}) or a
 * data-test on the value a {@code Variable} path selects.
 *
 * @see <a href="https://states-language.net/spec.html#choice-state">Choice State</a>
 */
public sealed interface ChoiceRule
        permits ChoiceRule.And, ChoiceRule.Or, ChoiceRule.Not, ChoiceRule.DataTest {

    /**
     * Evaluates the rule against the state's effective input.
     *
     * @throws StatesFailure {@code States.Runtime} when a path (other than under {@code IsPresent})
     *     selects nothing
     */
    boolean test(JsonNode input, Supplier<JsonNode> context);

    /** All rules hold; evaluation stops at the first that does not. */
    record And(List<ChoiceRule> rules) implements ChoiceRule {
        public And {
            rules = List.copyOf(rules);
        }

        @Override
        public boolean test(JsonNode input, Supplier<JsonNode> context) {
            for (ChoiceRule rule : rules) {
                if (!rule.test(input, context)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Some rule holds; evaluation stops at the first that does. */
    record Or(List<ChoiceRule> rules) implements ChoiceRule {
        public Or {
            rules = List.copyOf(rules);
        }

        @Override
        public boolean test(JsonNode input, Supplier<JsonNode> context) {
            for (ChoiceRule rule : rules) {
                if (rule.test(input, context)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The inner rule does not hold. */
    record Not(ChoiceRule rule) implements ChoiceRule {
        @Override
        public boolean test(JsonNode input, Supplier<JsonNode> context) {
            return !rule.test(input, context);
        }
    }

    /**
     * {@code Variable} compared with a literal {@code operand} or, for {@code ...Path} operators,
     * with the value {@code operandPath} selects.
     *
     * @param variable the path to the tested value
     * @param operator the comparison
     * @param operand the literal operand (null for path operands)
     * @param operandPath the operand path of a {@code ...Path} operator (else null)
     * @param pattern the compiled pattern of {@code StringMatches} (else null)
     */
    record DataTest(
            Path variable,
            Operator operator,
            JsonNode operand,
            Path operandPath,
            WildcardPattern pattern)
            implements ChoiceRule {

        @Override
        public boolean test(JsonNode input, Supplier<JsonNode> context) {
            JsonNode value = variable.find(input, context);
            if (value != null && !variable.isDefinite() && value.isEmpty()) {
                value = null;
            }
            if (operator == Operator.IS_PRESENT) {
                return (value != null) == operand.booleanValue();
            }
            if (value == null) {
                throw invalid(variable);
            }
            JsonNode other = operand;
            if (operandPath != null) {
                other = operandPath.find(input, context);
                if (other == null) {
                    throw invalid(operandPath);
                }
            }
            return switch (operator.kind()) {
                case TYPE_TEST -> typeTest(value) == other.booleanValue();
                case PATTERN -> value.isTextual() && pattern.matches(value.textValue());
                case STRING ->
                        value.isTextual()
                                && other.isTextual()
                                && operator.relation()
                                        .holds(value.textValue().compareTo(other.textValue()));
                case NUMERIC ->
                        value.isNumber()
                                && other.isNumber()
                                && operator.relation()
                                        .holds(JsonEquality.compareNumbers(value, other));
                case BOOLEAN ->
                        value.isBoolean()
                                && other.isBoolean()
                                && value.booleanValue() == other.booleanValue();
                case TIMESTAMP -> compareTimestamps(value, other);
            };
        }

        private boolean typeTest(JsonNode value) {
            return switch (operator) {
                case IS_NULL -> value.isNull();
                case IS_NUMERIC -> value.isNumber();
                case IS_STRING -> value.isTextual();
                case IS_BOOLEAN -> value.isBoolean();
                case IS_TIMESTAMP ->
                        value.isTextual() && Timestamps.parse(value.textValue()) != null;
                default -> throw new IllegalStateException(operator.field());
            };
        }

        private boolean compareTimestamps(JsonNode value, JsonNode other) {
            if (!value.isTextual() || !other.isTextual()) {
                return false;
            }
            Instant a = Timestamps.parse(value.textValue());
            Instant b = Timestamps.parse(other.textValue());
            return a != null && b != null && operator.relation().holds(a.compareTo(b));
        }

        private static StatesFailure invalid(Path path) {
            return new StatesFailure(
                    ErrorNames.RUNTIME,
                    "Invalid path '"
                            + path.text()
                            + "': The choice state's condition path references an invalid value.");
        }
    }
}
