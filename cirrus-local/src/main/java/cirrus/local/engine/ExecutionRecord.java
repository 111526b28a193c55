package cirrus.local.engine;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import cirrus.states.run.ExecutionStatus;

/**
 * One workflow execution as the local engine stores it (the DescribeExecution view).
 *
 * @param arn the execution ARN
 * @param workflow the workflow (state machine key)
 * @param name the execution name
 * @param payloadId the id of the payload it processes, when its input is a cirrus payload
 * @param status running or how it ended
 * @param input the execution input
 * @param output the output of a succeeded execution
 * @param error the error name of a failed execution
 * @param cause the error cause of a failed execution
 * @param startTime when it started
 * @param stopTime when it ended
 * @param reported whether update-state has processed its end
 */
public record ExecutionRecord(
        String arn,
        String workflow,
        String name,
        Optional<String> payloadId,
        ExecutionStatus status,
        JsonNode input,
        Optional<JsonNode> output,
        Optional<String> error,
        Optional<String> cause,
        Instant startTime,
        Optional<Instant> stopTime,
        boolean reported) {
    public ExecutionRecord {
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(workflow, "workflow");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(payloadId, "payloadId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(startTime, "startTime");
        Objects.requireNonNull(stopTime, "stopTime");
    }
}
