package cirrus.local.engine;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cirrus.local.lambda.FunctionInvoker;
import cirrus.local.lambda.LambdaResult;
import cirrus.local.model.LocalFunction;
import cirrus.local.model.LocalModel;
import cirrus.runtime.json.Json;
import cirrus.states.run.Event;
import cirrus.states.run.TaskRequest;

/**
 * Task states whose resource is a Lambda function: a function ARN (the result is the function's
 * return value) or the {@code arn:aws:states:::lambda:invoke} integration (the result is {@code
 * {ExecutedVersion, Payload, StatusCode}}). A function error becomes the task error named by its
 * {@code errorType}, with Lambda's JSON as cause, as Step Functions reports it.
 */
final class LambdaTasks {
    static final String INVOKE = "arn:aws:states:::lambda:invoke";

    private final LocalModel model;
    private final FunctionInvoker invoker;

    LambdaTasks(LocalModel model, FunctionInvoker invoker) {
        this.model = model;
        this.invoker = invoker;
    }

    static boolean handles(String resource) {
        return resource.equals(INVOKE)
                || (resource.startsWith("arn:aws:lambda:") && resource.contains(":function:"));
    }

    /** Runs the task to its end (blocking). */
    Event run(TaskRequest request) {
        boolean integration = request.resource().equals(INVOKE);
        String functionRef =
                integration ? request.input().path("FunctionName").asText("") : request.resource();
        JsonNode event = integration ? request.input().path("Payload") : request.input();
        Optional<LocalFunction> function = model.function(functionRef);
        if (function.isEmpty()) {
            return new Event.TaskFailed(
                    request.token(),
                    "Lambda.ResourceNotFoundException",
                    "Function not found: "
                            + functionRef
                            + " (the project's functions are: "
                            + String.join(", ", model.functions().keySet())
                            + ")");
        }
        LambdaResult result =
                invoker.invoke(
                        function.get(),
                        event.isMissingNode() ? JsonNodeFactory.instance.objectNode() : event);
        if (result instanceof LambdaResult.Failed failed) {
            return new Event.TaskFailed(
                    request.token(),
                    failed.error().errorType(),
                    Json.write(failed.error().cause()));
        }
        JsonNode value = ((LambdaResult.Returned) result).value();
        if (!integration) {
            return new Event.TaskSucceeded(request.token(), value);
        }
        ObjectNode wrapped = JsonNodeFactory.instance.objectNode();
        wrapped.put("ExecutedVersion", "$LATEST");
        wrapped.set("Payload", value);
        wrapped.put("StatusCode", 200);
        return new Event.TaskSucceeded(request.token(), wrapped);
    }
}
