package cirrus.states.run;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A Task state's request to run its resource.
 *
 * @param token identifies this invocation; report its outcome with the same token
 * @param resource the state's {@code Resource}
 * @param input the effective input (after InputPath and Parameters)
 * @param stateName the Task state's name
 * @param executionArn the execution
 * @param timeoutSeconds the task timeout, or null
 * @param heartbeatSeconds the heartbeat interval, or null
 * @param credentials the state's {@code Credentials}, or null
 */
public record TaskRequest(
        String token,
        String resource,
        JsonNode input,
        String stateName,
        String executionArn,
        Integer timeoutSeconds,
        Integer heartbeatSeconds,
        JsonNode credentials) {}
