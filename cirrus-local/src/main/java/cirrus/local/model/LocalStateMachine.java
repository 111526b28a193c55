package cirrus.local.model;

import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A workflow's state machine with its definition ready to interpret: function references are local
 * function ARNs, {@code #{X}}, {@code Ref} and {@code Fn::Sub} are local resource names or ARNs
 * (job queues, job definitions).
 *
 * @param key the workflow name (the key under {@code stepFunctions.stateMachines})
 * @param name the state machine name ({@code <service>-<stage>-<workflow>} in cirrus projects)
 * @param arn its local ARN, the one {@code process} derives from {@code CIRRUS_BASE_WORKFLOW_ARN}
 * @param definition the Amazon States Language definition as a plain JSON-shaped tree
 */
public record LocalStateMachine(
        String key, String name, String arn, Map<String, Object> definition) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public LocalStateMachine {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(definition, "definition");
    }

    /** The definition as JSON text. */
    public String definitionJson() {
        try {
            return JSON.writeValueAsString(definition);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("definition of " + key + " is not JSON-shaped", e);
        }
    }
}
