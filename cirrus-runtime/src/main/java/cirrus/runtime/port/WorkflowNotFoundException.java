package cirrus.runtime.port;

/**
 * The workflow to start does not exist (Step Functions {@code StateMachineDoesNotExist}): retrying
 * cannot help, the payload fails.
 */
public class WorkflowNotFoundException extends StoreException {
    private final String workflow;

    public WorkflowNotFoundException(String workflow, String message) {
        super(message);
        this.workflow = workflow;
    }

    public String workflow() {
        return workflow;
    }
}
