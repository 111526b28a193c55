package cirrus.states.model;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import cirrus.states.choice.ChoiceRule;
import cirrus.states.choice.Operator;
import cirrus.states.choice.Timestamps;
import cirrus.states.choice.WildcardPattern;
import cirrus.states.path.Path;
import cirrus.states.path.PathSyntaxException;

/** Reads JSONPath Choice Rules into {@link ChoiceRule}s. */
final class ChoiceRuleReader {
    private final Problems problems;

    ChoiceRuleReader(Problems problems) {
        this.problems = problems;
    }

    /** A rule, or null when it has errors (which are reported). */
    ChoiceRule read(JsonNode node, FieldPath at, boolean topLevel) {
        if (!node.isObject()) {
            problems.add(DefinitionCode.WRONG_TYPE, at, "a Choice Rule must be an object");
            return null;
        }
        if (!topLevel && node.has("Next")) {
            problems.add(
                    DefinitionCode.BAD_CHOICE_RULE,
                    at.field("Next"),
                    "a nested Choice Rule cannot have 'Next'");
        }
        if (topLevel && !node.has("Next")) {
            problems.add(
                    DefinitionCode.MISSING_FIELD, at, "a Choice Rule in 'Choices' needs 'Next'");
        }
        List<String> operators = new ArrayList<>();
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            switch (name) {
                case "Next", "Comment", "Variable" -> {}
                case "And", "Or", "Not" -> operators.add(name);
                case "Assign", "Condition", "Output" ->
                        problems.add(
                                DefinitionCode.UNSUPPORTED,
                                at.field(name),
                                "'" + name + "' is not supported by this interpreter");
                default -> {
                    if (comparison(name) != null) {
                        operators.add(name);
                    } else {
                        problems.add(
                                DefinitionCode.UNKNOWN_FIELD,
                                at.field(name),
                                "'" + name + "' is not a comparison operator or Choice Rule field");
                    }
                }
            }
        }
        if (operators.size() != 1) {
            problems.add(
                    DefinitionCode.BAD_CHOICE_RULE,
                    at,
                    operators.isEmpty()
                            ? "a Choice Rule needs one comparison operator, or And, Or or Not"
                            : "a Choice Rule has exactly one operator, not " + operators);
            return null;
        }
        String operator = operators.get(0);
        return switch (operator) {
            case "And", "Or" -> bool(node, at, operator);
            case "Not" -> not(node, at);
            default -> dataTest(node, at, operator);
        };
    }

    private ChoiceRule bool(JsonNode node, FieldPath at, String operator) {
        if (node.has("Variable")) {
            problems.add(
                    DefinitionCode.BAD_CHOICE_RULE,
                    at.field("Variable"),
                    "'" + operator + "' rules have no 'Variable'");
        }
        JsonNode rules = node.get(operator);
        if (!rules.isArray() || rules.isEmpty()) {
            problems.add(
                    DefinitionCode.BAD_CHOICE_RULE,
                    at.field(operator),
                    "'" + operator + "' must be a non-empty array of Choice Rules");
            return null;
        }
        List<ChoiceRule> children = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < rules.size(); i++) {
            ChoiceRule child = read(rules.get(i), at.field(operator).index(i), false);
            ok &= child != null;
            children.add(child);
        }
        if (!ok) {
            return null;
        }
        return operator.equals("And") ? new ChoiceRule.And(children) : new ChoiceRule.Or(children);
    }

    private ChoiceRule not(JsonNode node, FieldPath at) {
        if (node.has("Variable")) {
            problems.add(
                    DefinitionCode.BAD_CHOICE_RULE,
                    at.field("Variable"),
                    "'Not' rules have no 'Variable'");
        }
        ChoiceRule inner = read(node.get("Not"), at.field("Not"), false);
        return inner == null ? null : new ChoiceRule.Not(inner);
    }

    private ChoiceRule dataTest(JsonNode node, FieldPath at, String field) {
        JsonNode variableNode = node.get("Variable");
        if (variableNode == null) {
            problems.add(DefinitionCode.MISSING_FIELD, at, "a comparison needs 'Variable'");
            return null;
        }
        Path variable = path(variableNode, at.field("Variable"));
        boolean byPath = comparison(field) != Operator.byField(field);
        Operator operator = comparison(field);
        JsonNode value = node.get(field);
        FieldPath valueAt = at.field(field);
        if (byPath) {
            Path operandPath = path(value, valueAt);
            return variable == null || operandPath == null
                    ? null
                    : new ChoiceRule.DataTest(variable, operator, null, operandPath, null);
        }
        boolean valid =
                switch (operator.kind()) {
                    case STRING, PATTERN -> value.isTextual();
                    case NUMERIC -> value.isNumber();
                    case BOOLEAN, TYPE_TEST -> value.isBoolean();
                    case TIMESTAMP ->
                            value.isTextual() && Timestamps.parse(value.textValue()) != null;
                };
        if (!valid) {
            String expected =
                    switch (operator.kind()) {
                        case STRING, PATTERN -> "a string";
                        case NUMERIC -> "a number";
                        case BOOLEAN, TYPE_TEST -> "true or false";
                        case TIMESTAMP -> "a timestamp such as 2016-03-14T01:59:00Z";
                    };
            problems.add(DefinitionCode.BAD_VALUE, valueAt, "'" + field + "' must be " + expected);
            return null;
        }
        WildcardPattern pattern = null;
        if (operator == Operator.STRING_MATCHES) {
            try {
                pattern = WildcardPattern.compile(value.textValue());
            } catch (IllegalArgumentException e) {
                problems.add(DefinitionCode.BAD_VALUE, valueAt, e.getMessage());
                return null;
            }
        }
        return variable == null
                ? null
                : new ChoiceRule.DataTest(variable, operator, value, null, pattern);
    }

    private Path path(JsonNode node, FieldPath at) {
        if (!node.isTextual()) {
            problems.add(DefinitionCode.WRONG_TYPE, at, "must be a path");
            return null;
        }
        try {
            return Path.parse(node.textValue());
        } catch (PathSyntaxException e) {
            problems.add(DefinitionCode.BAD_PATH, at, e.getMessage());
            return null;
        }
    }

    /** The operator of a comparison field, with or without the {@code Path} suffix, or null. */
    private static Operator comparison(String field) {
        Operator direct = Operator.byField(field);
        if (direct != null) {
            return direct;
        }
        if (field.endsWith("Path")) {
            Operator base = Operator.byField(field.substring(0, field.length() - 4));
            if (base != null && base.hasPathVariant()) {
                return base;
            }
        }
        return null;
    }
}
