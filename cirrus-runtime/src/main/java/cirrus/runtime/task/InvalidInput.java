package cirrus.runtime.task;

/**
 * The payload cannot be processed and retrying will not help: update-state marks it INVALID (the
 * error name is {@code InvalidInput}, as cirrus-lib's and stac-task's exception of that name).
 */
public class InvalidInput extends RuntimeException {
    /** The error name the workflow and update-state see. */
    public static final String ERROR_TYPE = "InvalidInput";

    public InvalidInput(String message) {
        super(message);
    }

    public InvalidInput(String message, Throwable cause) {
        super(message, cause);
    }
}
