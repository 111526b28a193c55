package cirrus.local.lambda;

import com.fasterxml.jackson.databind.JsonNode;

import cirrus.local.model.LocalFunction;

/**
 * Picks the runner of a function by its runtime: Java handlers in-process, Python handlers in a
 * {@code python3} subprocess; any other runtime fails with {@code Runtime.InvalidRuntime}.
 */
public final class RuntimeDispatch implements FunctionInvoker {
    private final FunctionInvoker java;
    private final FunctionInvoker python;

    public RuntimeDispatch(FunctionInvoker java, FunctionInvoker python) {
        this.java = java;
        this.python = python;
    }

    @Override
    public LambdaResult invoke(LocalFunction function, JsonNode event) {
        if (function.isJava()) {
            return java.invoke(function, event);
        }
        if (function.isPython()) {
            return python.invoke(function, event);
        }
        return LambdaResult.failed(
                LambdaError.of(
                        LambdaError.INVALID_RUNTIME,
                        "runtime "
                                + function.runtime()
                                + " of function "
                                + function.key()
                                + " cannot run locally (supported: java*, python*)"));
    }
}
