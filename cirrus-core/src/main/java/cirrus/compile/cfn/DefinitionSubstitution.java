package cirrus.compile.cfn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A state machine definition as serverless-step-functions deploys it (the two behaviours cirrus
 * v0.15.4 relies on, reference §3.5):
 *
 * <ol>
 *   <li>{@code Fn::GetAtt: [<function>, Arn]} and {@code Ref: <function>}, where {@code <function>}
 *       is a key of {@code functions} and not a resource of the template, point at that function's
 *       logical id ({@code publish} → {@code PublishLambdaFunction});
 *   <li>the definition becomes a JSON {@code DefinitionString} inside an {@code Fn::Sub} in which
 *       {@code #{X}} is written {@code ${X}} (a {@code Ref} of {@code X}).
 * </ol>
 *
 * <p>Intrinsics inside the definition become {@code ${X}}/{@code ${X.Attr}} (for {@code Ref} and
 * {@code Fn::GetAtt}), are inlined ({@code Fn::Sub} of a string) or become a named variable of the
 * {@code Fn::Sub} (anything else); literal text that looks like {@code ${...}} is escaped as {@code
 * ${!...}} so CloudFormation leaves it alone.
 */
final class DefinitionSubstitution {
    private static final String VARIABLE_PREFIX = "CirrusDefinitionValue";

    private DefinitionSubstitution() {}

    /**
     * {@code definition} with references to functions pointing at their logical ids.
     *
     * @param functionIds function key → logical id of its {@code AWS::Lambda::Function}
     * @param isResource whether the template has a resource of that logical id (which wins)
     */
    static Object pointAtFunctions(
            Object definition,
            Map<String, String> functionIds,
            Function<String, Boolean> isResource) {
        if (definition instanceof Map<?, ?> m) {
            var ref = Intrinsic.refTarget(m);
            if (ref.isPresent()
                    && functionIds.containsKey(ref.get())
                    && !isResource.apply(ref.get())) {
                return Intrinsic.ref(functionIds.get(ref.get()));
            }
            var getAtt = Intrinsic.getAttTarget(m);
            if (getAtt.isPresent()
                    && functionIds.containsKey(getAtt.get().get(0))
                    && !isResource.apply(getAtt.get().get(0))) {
                return Intrinsic.getAtt(functionIds.get(getAtt.get().get(0)), getAtt.get().get(1));
            }
            Map<String, Object> copy = new LinkedHashMap<>();
            m.forEach(
                    (k, v) ->
                            copy.put(
                                    String.valueOf(k),
                                    pointAtFunctions(v, functionIds, isResource)));
            return copy;
        }
        if (definition instanceof List<?> l) {
            List<Object> copy = new ArrayList<>(l.size());
            l.forEach(v -> copy.add(pointAtFunctions(v, functionIds, isResource)));
            return copy;
        }
        return definition;
    }

    /**
     * The {@code DefinitionString} value: a plain JSON string when nothing is substituted, else
     * {@code {Fn::Sub: text}} or {@code {Fn::Sub: [text, {variables}]}}.
     */
    static Object definitionString(Object definition) {
        Map<String, Object> variables = new LinkedHashMap<>();
        boolean[] substituted = {false};
        Object template = toTemplate(definition, variables, substituted);
        if (!substituted[0]) {
            return Json.pretty(definition).stripTrailing();
        }
        String text = Json.pretty(template).stripTrailing();
        return variables.isEmpty()
                ? Intrinsic.sub(text)
                : Map.of(Intrinsic.SUB, List.of(text, variables));
    }

    private static Object toTemplate(
            Object node, Map<String, Object> variables, boolean[] substituted) {
        if (Intrinsic.is(node)) {
            substituted[0] = true;
            return placeholder(node, variables);
        }
        if (node instanceof Map<?, ?> m) {
            Map<String, Object> copy = new LinkedHashMap<>();
            m.forEach(
                    (k, v) ->
                            copy.put(
                                    literal(String.valueOf(k), substituted),
                                    toTemplate(v, variables, substituted)));
            return copy;
        }
        if (node instanceof List<?> l) {
            List<Object> copy = new ArrayList<>(l.size());
            l.forEach(v -> copy.add(toTemplate(v, variables, substituted)));
            return copy;
        }
        if (node instanceof String s) {
            return literal(s, substituted);
        }
        return node;
    }

    /** A literal string of the definition: {@code ${} escaped, {@code #{X}} → {@code ${X}}. */
    private static String literal(String s, boolean[] substituted) {
        if (SubTemplate.hasHashVariable(s)) {
            substituted[0] = true;
        }
        return SubTemplate.hashToDollar(SubTemplate.escape(s));
    }

    private static String placeholder(Object intrinsic, Map<String, Object> variables) {
        var ref = Intrinsic.refTarget(intrinsic);
        if (ref.isPresent()) {
            return "${" + ref.get() + "}";
        }
        var getAtt = Intrinsic.getAttTarget(intrinsic);
        if (getAtt.isPresent()) {
            return "${" + getAtt.get().get(0) + "." + getAtt.get().get(1) + "}";
        }
        if (intrinsic instanceof Map<?, ?> m && m.get(Intrinsic.SUB) instanceof String text) {
            return SubTemplate.hashToDollar(text);
        }
        String name = VARIABLE_PREFIX + (variables.size() + 1);
        variables.put(name, intrinsic);
        return "${" + name + "}";
    }
}
