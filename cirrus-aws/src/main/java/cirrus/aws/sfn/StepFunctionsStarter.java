package cirrus.aws.sfn;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;

import cirrus.runtime.port.StartResult;
import cirrus.runtime.port.StoreException;
import cirrus.runtime.port.WorkflowNotFoundException;
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
     * Starts the execution unless it exists. The existence check comes first because Step Functions
     * answers a repeated start of a running execution with the same input as if it were new
     * (idempotent start); only a changed input or a closed execution gives {@code
     * ExecutionAlreadyExists}.
     */
    @Override
    public StartResult start(String workflow, String executionName, String input) {
        String planned = executionArn(workflow, executionName);
        try {
            sfn.describeExecution(r -> r.executionArn(planned));
            return new StartResult(planned, true);
        } catch (ExecutionDoesNotExistException e) {
            // the usual case: start it
        } catch (SdkException e) {
            throw new StoreException(
                    "cannot look up execution " + planned + ": " + e.getMessage(), e);
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
            throw new StoreException(
                    "cannot start " + stateMachineArn(workflow) + ": " + e.getMessage(), e);
        }
    }
}
