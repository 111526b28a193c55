package cirrus.states.model;

import com.fasterxml.jackson.databind.JsonNode;

import cirrus.states.path.ReferencePath;

/**
 * {@code "Type": "Task"}: runs the work named by {@code Resource} through a task invoker.
 *
 * @param resource the {@code Resource} URI, e.g. {@code arn:aws:states:::batch:submitJob.sync}
 * @param timeoutSeconds {@code TimeoutSeconds}, or null (no timeout, as in AWS)
 * @param timeoutSecondsPath {@code TimeoutSecondsPath}, or null
 * @param heartbeatSeconds {@code HeartbeatSeconds}, or null
 * @param heartbeatSecondsPath {@code HeartbeatSecondsPath}, or null
 * @param credentials {@code Credentials}, passed to the invoker as is, or null
 * @param next the next state, or null for {@code "End": true}
 * @see <a href="https://states-language.net/spec.html#task-state">Task State</a>
 */
public record TaskState(
        String name,
        DataFlow dataFlow,
        String resource,
        Integer timeoutSeconds,
        ReferencePath timeoutSecondsPath,
        Integer heartbeatSeconds,
        ReferencePath heartbeatSecondsPath,
        JsonNode credentials,
        ErrorHandling errorHandling,
        String next)
        implements State {}
