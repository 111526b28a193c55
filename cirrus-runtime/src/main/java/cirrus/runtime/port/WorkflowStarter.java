package cirrus.runtime.port;

/**
 * Starts workflow executions with caller-chosen names (Step Functions on AWS, the local ASL engine
 * locally). Starting a name that exists already is not an error: it returns the existing execution
 * with {@link StartResult#alreadyExisted()} set, which makes re-delivered payloads idempotent.
 */
public interface WorkflowStarter {
    /**
     * The ARN the execution {@code executionName} of {@code workflow} has (or will have), known
     * before it starts so that it can be claimed first.
     */
    String executionArn(String workflow, String executionName);

    /**
     * Starts {@code workflow} with the JSON {@code input}.
     *
     * @throws WorkflowNotFoundException when there is no such workflow
     */
    StartResult start(String workflow, String executionName, String input);
}
