package cirrus.runtime.port;

/**
 * The workflow cannot be started for this payload and retrying will not change that: the engine
 * refuses the call (e.g. the function's role lacks the permission; the message names the action and
 * the role), or the payload's execution name already belongs to a closed execution. The payload
 * fails with this message instead of staying claimed.
 */
public class WorkflowStartRefused extends StoreException {
    public WorkflowStartRefused(String message) {
        super(message);
    }

    public WorkflowStartRefused(String message, Throwable cause) {
        super(message, cause);
    }
}
