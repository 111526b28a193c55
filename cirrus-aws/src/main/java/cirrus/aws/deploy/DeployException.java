package cirrus.aws.deploy;

/**
 * A deployment that could not be done or did not succeed, with a stable code ({@code CIRRUS-D0xx})
 * and a one-line message saying what happened and what to do.
 */
public final class DeployException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Packaging failed: pip is missing or failed, a source is missing. */
    public static final String PACKAGING = "CIRRUS-D001";

    /** The deployment bucket cannot be created or written. */
    public static final String BUCKET = "CIRRUS-D002";

    /** CloudFormation refused the request (template or parameter error, stack busy). */
    public static final String REQUEST = "CIRRUS-D003";

    /** The stack operation failed (and was rolled back). */
    public static final String FAILED = "CIRRUS-D004";

    /** The stack did not reach a final state in time. */
    public static final String TIMEOUT = "CIRRUS-D005";

    /** The stack is in a state that does not allow an update. */
    public static final String STACK_STATE = "CIRRUS-D006";

    private final String code;

    public DeployException(String code, String message) {
        super(message);
        this.code = code;
    }

    public DeployException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
