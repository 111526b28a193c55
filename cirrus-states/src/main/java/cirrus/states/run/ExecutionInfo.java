package cirrus.states.run;

import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The fixed facts of one execution; they fill the {@code Execution} and {@code StateMachine} parts
 * of the Context Object.
 *
 * @param executionArn {@code $$.Execution.Id}
 * @param name {@code $$.Execution.Name}
 * @param stateMachineArn {@code $$.StateMachine.Id}
 * @param stateMachineName {@code $$.StateMachine.Name}
 * @param roleArn {@code $$.Execution.RoleArn}
 * @param input the execution input
 * @param startTime {@code $$.Execution.StartTime}
 * @param seed the seed of all randomness in the execution (jitter, {@code States.UUID}, ...), so
 *     that re-running from a snapshot repeats the same choices
 */
public record ExecutionInfo(
        String executionArn,
        String name,
        String stateMachineArn,
        String stateMachineName,
        String roleArn,
        JsonNode input,
        Instant startTime,
        long seed) {

    /** Region and account of the ARNs the local interpreter makes up. */
    public static final String LOCAL_ARN_PREFIX = "arn:aws:states:local:000000000000:";

    public ExecutionInfo {
        Objects.requireNonNull(executionArn, "executionArn");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(startTime, "startTime");
    }

    /** Local ARNs for an execution {@code name} of state machine {@code machineName}. */
    public static ExecutionInfo local(
            String machineName, String name, JsonNode input, Instant startTime, long seed) {
        return new ExecutionInfo(
                LOCAL_ARN_PREFIX + "execution:" + machineName + ":" + name,
                name,
                LOCAL_ARN_PREFIX + "stateMachine:" + machineName,
                machineName,
                "arn:aws:iam::000000000000:role/local",
                input,
                startTime,
                seed);
    }
}
