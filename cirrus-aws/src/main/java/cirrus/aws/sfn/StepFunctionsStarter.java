package cirrus.aws.sfn;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;

import cirrus.runtime.port.StartResult;
import cirrus.runtime.port.StoreException;
import cirrus.runtime.port.WorkflowNotFoundException;
import cirrus.runtime.port.WorkflowStartRefused;
import cirrus.runtime.port.WorkflowStarter;

/**
 * The {@link WorkflowStarter} on AWS Step Functions. Workflow {@code w} is the state machine {@code
 * <CIRRUS_BASE_WORKFLOW_ARN>w}; an execution's ARN is derived from the state machine ARN and the
 * (deterministic) name, so it can be claimed before the start. {@code ExecutionAlreadyExists} means
 * a previous attempt started it: not an error.
 */
public final class StepFunctionsStarter implements WorkflowStarter {
    private static final String MACHINE = ":stateMachine:";
    private static final String EXECUTION = ":execution:";

    private final SfnClient sfn;
    private final String baseWorkflowArn;

    /**
     * @param baseWorkflowArn the state machine ARN prefix ({@code
     *     arn:aws:states:<region>:<account>:stateMachine:<stack>-})
     */
    public StepFunctionsStarter(SfnClient sfn, String baseWorkflowArn) {
        if (!baseWorkflowArn.contains(MACHINE)) {
            throw new IllegalArgumentException(
                    "CIRRUS_BASE_WORKFLOW_ARN must contain ':stateMachine:', got "
                            + baseWorkflowArn);
        }
        this.sfn = sfn;
        this.baseWorkflowArn = baseWorkflowArn;
    }

    /** The state machine ARN of {@code workflow}. */
    public String stateMachineArn(String workflow) {
        return baseWorkflowArn + workflow;
    }

    @Override
    public String executionArn(String workflow, String executionName) {
        return stateMachineArn(workflow).replace(MACHINE, EXECUTION) + ":" + executionName;
    }

    /**
     * Starts the execution unless it is running. The existence check comes first because Step
     * Functions answers a repeated start of a running execution with the same input as if it were
     * new (idempotent start). A <em>closed</em> execution of the same name means the name was used
     * before this payload's state item (deleted, or the table recreated): nothing would run, so the
     * start is refused and the payload fails with the reason (its next run gets a new name, since
     * the failed attempt is in its history). A refused permission is refused for good too, with
     * AWS's message, which names the action and the role.
     */
    @Override
    public StartResult start(String workflow, String executionName, String input) {
        String planned = executionArn(workflow, executionName);
        try {
            DescribeExecutionResponse existing =
                    sfn.describeExecution(r -> r.executionArn(planned));
            if (existing.status() == ExecutionStatus.RUNNING) {
                return new StartResult(planned, true);
            }
            throw new WorkflowStartRefused(
                    "execution "
                            + planned
                            + " already exists and is "
                            + existing.statusAsString()
                            + ": its name was used before this payload's state item (deleted, or"
                            + " the state table recreated); run the payload again to start it under"
                            + " a new name");
        } catch (ExecutionDoesNotExistException e) {
            // the usual case: start it
        } catch (SdkException e) {
            throw refusedOr(e, "cannot look up execution " + planned);
        }
        try {
            String arn =
                    sfn.startExecution(
                                    r ->
                                            r.stateMachineArn(stateMachineArn(workflow))
                                                    .name(executionName)
                                                    .input(input))
                            .executionArn();
            return new StartResult(arn, false);
        } catch (ExecutionAlreadyExistsException e) {
            return new StartResult(planned, true);
        } catch (StateMachineDoesNotExistException e) {
            throw new WorkflowNotFoundException(workflow, e.awsErrorDetails().errorMessage());
        } catch (SdkException e) {
            throw refusedOr(e, "cannot start " + stateMachineArn(workflow));
        }
    }

    /** AccessDenied becomes a refusal (the payload fails); anything else may pass on retry. */
    private static StoreException refusedOr(SdkException e, String what) {
        if (e instanceof AwsServiceException aws
                && (aws.statusCode() == 403
                        || aws.awsErrorDetails() != null
                                && String.valueOf(aws.awsErrorDetails().errorCode())
                                        .startsWith("AccessDenied"))) {
            String detail =
                    aws.awsErrorDetails() != null && aws.awsErrorDetails().errorMessage() != null
                            ? aws.awsErrorDetails().errorMessage()
                            : e.getMessage();
            return new WorkflowStartRefused("AccessDenied: " + what + ": " + detail, e);
        }
        return new StoreException(what + ": " + e.getMessage(), e);
    }
}
