package cirrus.local.lambda;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cirrus.local.model.LocalFunction;

/**
 * A function error as AWS Lambda reports it: the Step Functions error name is {@link #errorType}
 * (the exception class name for Python and Java handlers, e.g. {@code InvalidInput}), and the cause
 * is the JSON {@code {"errorMessage", "errorType", "stackTrace"}}.
 *
 * @param errorType the error name ({@code Runtime.ExitError}, {@code Sandbox.Timedout}, ...)
 * @param errorMessage the message
 * @param stackTrace stack frames, innermost last; may be empty
 */
public record LambdaError(String errorType, String errorMessage, List<String> stackTrace) {
    /** The function ran longer than its timeout. */
    public static final String TIMEOUT = "Sandbox.Timedout";

    /** The runtime process exited without a result. */
    public static final String EXIT = "Runtime.ExitError";

    /** The handler's module or class cannot be loaded. */
    public static final String IMPORT = "Runtime.ImportModuleError";

    /** The module or class has no such handler. */
    public static final String HANDLER_NOT_FOUND = "Runtime.HandlerNotFound";

    /** The runtime cannot be started locally (unknown runtime, missing interpreter). */
    public static final String INVALID_RUNTIME = "Runtime.InvalidRuntime";

    /** The result is not valid JSON. */
    public static final String MARSHAL = "Runtime.MarshalError";

    public LambdaError {
        Objects.requireNonNull(errorType, "errorType");
        errorMessage = errorMessage == null ? "" : errorMessage;
        stackTrace = List.copyOf(stackTrace);
    }

    public static LambdaError of(String errorType, String errorMessage) {
        return new LambdaError(errorType, errorMessage, List.of());
    }

    /** Lambda's timeout error for {@code function}. */
    public static LambdaError timeout(LocalFunction function, String requestId) {
        return of(
                TIMEOUT,
                String.format(
                        Locale.ROOT,
                        "RequestId: %s Error: Task timed out after %.2f seconds",
                        requestId,
                        function.timeout().toMillis() / 1000.0));
    }

    /** The cause JSON of the Step Functions failure. */
    public ObjectNode cause() {
        ObjectNode cause = JsonNodeFactory.instance.objectNode();
        cause.put("errorMessage", errorMessage);
        cause.put("errorType", errorType);
        cause.putArray("stackTrace")
                .addAll(stackTrace.stream().map(JsonNodeFactory.instance::textNode).toList());
        return cause;
    }

    /** {@code <type>: <message>}. */
    @Override
    public String toString() {
        return errorType + ": " + errorMessage;
    }
}
