package cirrus.states.path;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import cirrus.states.ErrorNames;
import cirrus.states.StatesFailure;

/**
 * One call of an intrinsic function with its evaluated arguments; the typed accessors fail with
 * {@code States.IntrinsicFailure} and a message naming the function and argument.
 *
 * @param call the invocation as written
 * @param args the argument values
 * @param context the evaluation context (for randomness)
 */
public record Invocation(IntrinsicCall call, List<JsonNode> args, EvalContext context) {

    /** Argument {@code i}, which must be an array. */
    public JsonNode array(int i) {
        JsonNode value = args.get(i);
        if (!value.isArray()) {
            throw fail("argument " + (i + 1) + " must be an array, not " + kind(value));
        }
        return value;
    }

    /** Argument {@code i}, which must be a string. */
    public String string(int i) {
        JsonNode value = args.get(i);
        if (!value.isTextual()) {
            throw fail("argument " + (i + 1) + " must be a string, not " + kind(value));
        }
        return value.textValue();
    }

    /** Argument {@code i}, which must be an object. */
    public JsonNode object(int i) {
        JsonNode value = args.get(i);
        if (!value.isObject()) {
            throw fail("argument " + (i + 1) + " must be an object, not " + kind(value));
        }
        return value;
    }

    /** Argument {@code i}, a number rounded to the nearest integer as Java's Math.round does. */
    public long integer(int i) {
        JsonNode value = args.get(i);
        if (!value.isNumber()) {
            throw fail("argument " + (i + 1) + " must be a number, not " + kind(value));
        }
        if (value.isIntegralNumber()) {
            if (!value.canConvertToLong()) {
                throw fail("argument " + (i + 1) + " is too large");
            }
            return value.longValue();
        }
        return Math.round(value.doubleValue());
    }

    /** A {@code States.IntrinsicFailure} about this call. */
    public StatesFailure fail(String why) {
        return new StatesFailure(ErrorNames.INTRINSIC_FAILURE, call.name() + ": " + why);
    }

    /** The JSON type of a value, for messages. */
    public static String kind(JsonNode value) {
        return switch (value.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> "a " + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
