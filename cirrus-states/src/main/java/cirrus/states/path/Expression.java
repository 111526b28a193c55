package cirrus.states.path;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A single value computed from the input: a path or an intrinsic function, as used by a Fail
 * state's {@code ErrorPath} and {@code CausePath}.
 */
public sealed interface Expression permits Expression.OfPath, Expression.OfCall {

    /** The value, or null when the path selects nothing. */
    JsonNode evaluate(EvalContext context);

    /** The expression as written. */
    String text();

    /** Parses a path (starting with {@code $}) or an intrinsic function invocation. */
    static Expression parse(String text) throws PathSyntaxException {
        return text.startsWith("$")
                ? new OfPath(ReferencePath.parse(text).path())
                : new OfCall(IntrinsicCall.parse(text), text);
    }

    /** A path. */
    record OfPath(Path path) implements Expression {
        @Override
        public JsonNode evaluate(EvalContext context) {
            return path.find(context.input(), context.context());
        }

        @Override
        public String text() {
            return path.text();
        }
    }

    /** An intrinsic function. */
    record OfCall(IntrinsicCall call, String text) implements Expression {
        @Override
        public JsonNode evaluate(EvalContext context) {
            return IntrinsicFunctions.evaluate(call, context);
        }
    }
}
