package cirrus.aws.operate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;

import cirrus.runtime.json.InvalidJsonException;
import cirrus.runtime.json.Json;
import cirrus.runtime.operate.ExecutionSource;
import cirrus.runtime.operate.ExecutionStatus;
import cirrus.runtime.operate.ExecutionSummary;

/**
 * Executions from Step Functions: DescribeExecution, and GetExecutionHistory read in pages of 1,000
 * events (the service's maximum; the SDK retries throttling with backoff).
 */
final class StepFunctionsExecutions implements ExecutionSource {
    private final SfnClient sfn;

    StepFunctionsExecutions(SfnClient sfn) {
        this.sfn = sfn;
    }

    @Override
    public Optional<ExecutionSummary> describe(String executionArn) {
        DescribeExecutionResponse e;
        try {
            e = sfn.describeExecution(r -> r.executionArn(executionArn));
        } catch (ExecutionDoesNotExistException | InvalidArnException notFound) {
            return Optional.empty();
        } catch (RuntimeException ex) {
            throw AwsErrors.of("DescribeExecution " + executionArn, ex);
        }
        return Optional.of(
                new ExecutionSummary(
                        executionArn,
                        ExecutionStatus.of(e.statusAsString()),
                        Optional.ofNullable(e.startDate()),
                        Optional.ofNullable(e.stopDate()),
                        Optional.ofNullable(e.error()).filter(s -> !s.isEmpty()),
                        Optional.ofNullable(e.cause()).filter(s -> !s.isEmpty())));
    }

    /**
     * The definition the execution ran (DescribeStateMachineForExecution), else the state machine's
     * current one (DescribeStateMachine of the ARN's state machine).
     */
    @Override
    public Optional<JsonNode> definition(String executionArn) {
        String text;
        try {
            text =
                    sfn.describeStateMachineForExecution(r -> r.executionArn(executionArn))
                            .definition();
        } catch (ExecutionDoesNotExistException | InvalidArnException notFound) {
            return Optional.empty();
        } catch (RuntimeException unsupported) {
            String[] parts = executionArn.split(":");
            if (parts.length < 8) {
                return Optional.empty();
            }
            String machine =
                    String.join(":", java.util.Arrays.copyOf(parts, 7))
                            .replace(":execution:", ":stateMachine:");
            try {
                text = sfn.describeStateMachine(r -> r.stateMachineArn(machine)).definition();
            } catch (RuntimeException ex) {
                return Optional.empty();
            }
        }
        try {
            return Optional.ofNullable(text).map(Json::parse);
        } catch (InvalidJsonException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<List<cirrus.runtime.operate.HistoryEvent>> history(String executionArn) {
        List<cirrus.runtime.operate.HistoryEvent> events = new ArrayList<>();
        try {
            for (HistoryEvent e :
                    sfn.getExecutionHistoryPaginator(
                                    r -> r.executionArn(executionArn).maxResults(1000))
                            .events()) {
                events.add(cirrus.runtime.operate.HistoryEvent.fromJson(SdkJson.of(e)));
            }
        } catch (ExecutionDoesNotExistException | InvalidArnException notFound) {
            return Optional.empty();
        } catch (RuntimeException ex) {
            throw AwsErrors.of("GetExecutionHistory " + executionArn, ex);
        }
        return Optional.of(events);
    }
}
