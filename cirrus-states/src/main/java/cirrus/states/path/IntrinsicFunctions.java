package cirrus.states.path;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import cirrus.states.ErrorNames;
import cirrus.states.StatesFailure;
import cirrus.states.json.Json;

/**
 * The table of intrinsic functions and their evaluation. Each function lives in the class of its
 * family ({@link ArrayFunctions}, {@link JsonFunctions}, {@link StringFunctions}, {@link
 * MathFunctions}, {@link EncodingFunctions}); this class only registers them.
 *
 * @see <a href="https://states-language.net/spec.html#appendix-b">Appendix B</a>
 */
public final class IntrinsicFunctions {
    /** An intrinsic function: its arity and its body. */
    public interface Function {
        int minArgs();

        int maxArgs();

        JsonNode apply(Invocation invocation);

        /** The arity for messages, e.g. "2 arguments". */
        default String arity() {
            if (minArgs() == maxArgs()) {
                return minArgs() + (minArgs() == 1 ? " argument" : " arguments");
            }
            return maxArgs() == Integer.MAX_VALUE
                    ? "at least " + minArgs() + " arguments"
                    : minArgs() + " to " + maxArgs() + " arguments";
        }
    }

    /** A function body. */
    @FunctionalInterface
    interface Body {
        JsonNode apply(Invocation invocation);
    }

    private record Def(int minArgs, int maxArgs, Body body) implements Function {
        @Override
        public JsonNode apply(Invocation invocation) {
            return body.apply(invocation);
        }
    }

    private static final int MANY = Integer.MAX_VALUE;

    private static final Map<String, Function> TABLE =
            Map.ofEntries(
                    Map.entry("States.Format", new Def(1, MANY, StringFunctions::format)),
                    Map.entry("States.StringSplit", new Def(2, 2, StringFunctions::split)),
                    Map.entry("States.StringToJson", new Def(1, 1, JsonFunctions::stringToJson)),
                    Map.entry("States.JsonToString", new Def(1, 1, JsonFunctions::jsonToString)),
                    Map.entry("States.JsonMerge", new Def(3, 3, JsonFunctions::merge)),
                    Map.entry("States.Array", new Def(0, MANY, ArrayFunctions::array)),
                    Map.entry("States.ArrayPartition", new Def(2, 2, ArrayFunctions::partition)),
                    Map.entry("States.ArrayContains", new Def(2, 2, ArrayFunctions::contains)),
                    Map.entry("States.ArrayRange", new Def(3, 3, ArrayFunctions::range)),
                    Map.entry("States.ArrayGetItem", new Def(2, 2, ArrayFunctions::getItem)),
                    Map.entry("States.ArrayLength", new Def(1, 1, ArrayFunctions::length)),
                    Map.entry("States.ArrayUnique", new Def(1, 1, ArrayFunctions::unique)),
                    Map.entry(
                            "States.Base64Encode", new Def(1, 1, EncodingFunctions::base64Encode)),
                    Map.entry(
                            "States.Base64Decode", new Def(1, 1, EncodingFunctions::base64Decode)),
                    Map.entry("States.Hash", new Def(2, 2, EncodingFunctions::hash)),
                    Map.entry("States.UUID", new Def(0, 0, EncodingFunctions::uuid)),
                    Map.entry("States.MathRandom", new Def(2, 3, MathFunctions::random)),
                    Map.entry("States.MathAdd", new Def(2, 2, MathFunctions::add)));

    private IntrinsicFunctions() {}

    /** The function of that name, or null. */
    public static Function lookup(String name) {
        return TABLE.get(name);
    }

    /**
     * Evaluates an invocation: arguments first (paths against {@code context.input()}), then the
     * function.
     *
     * @throws StatesFailure {@code States.Runtime} when a path argument selects nothing, {@code
     *     States.IntrinsicFailure} when an argument is of the wrong type or the function cannot
     *     compute a result
     */
    public static JsonNode evaluate(IntrinsicCall call, EvalContext context) {
        List<JsonNode> values = new ArrayList<>(call.arguments().size());
        for (IntrinsicCall.Argument argument : call.arguments()) {
            values.add(argumentValue(call, argument, context));
        }
        return TABLE.get(call.name()).apply(new Invocation(call, values, context));
    }

    private static JsonNode argumentValue(
            IntrinsicCall call, IntrinsicCall.Argument argument, EvalContext context) {
        if (argument instanceof IntrinsicCall.Literal literal) {
            return literal.value();
        }
        if (argument instanceof IntrinsicCall.Call nested) {
            return evaluate(nested.call(), context);
        }
        Path path = ((IntrinsicCall.PathArgument) argument).path();
        JsonNode value = path.find(context.input(), context.context());
        if (value == null) {
            // The same rule as a template path that selects nothing: States.Runtime.
            throw new StatesFailure(
                    ErrorNames.RUNTIME,
                    "The function '"
                            + call.name()
                            + "' had the following error: The JsonPath argument for the field '"
                            + path.text()
                            + "' could not be found in the input '"
                            + Json.abbreviate(context.input(), 200)
                            + "'");
        }
        return value;
    }
}
