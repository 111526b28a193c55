package cirrus.local.lambda;

import com.fasterxml.jackson.databind.JsonNode;

import cirrus.local.model.LocalFunction;

/**
 * Runs a Lambda function of the project locally, with the function's environment and timeout. A
 * failing function (an exception, a crash, a timeout) is a {@link LambdaResult.Failed} with the
 * Lambda-style error the workflow sees, never an exception of the invoker.
 */
public interface FunctionInvoker {
    /**
     * Invokes {@code function} with {@code event} and waits for its result.
     *
     * @param function the function to run
     * @param event the event (the Task state's effective input)
     * @return what the function returned, or its error
     */
    LambdaResult invoke(LocalFunction function, JsonNode event);
}
