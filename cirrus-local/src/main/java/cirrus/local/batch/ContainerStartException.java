package cirrus.local.batch;

/**
 * The container could not be started. The message is the container reason reported in the attempt,
 * in AWS's style: {@code CannotPullContainerError: …} when the image is unknown, {@code
 * CannotStartContainerError: …} when its command cannot be executed.
 */
public final class ContainerStartException extends Exception {
    /** Creates the exception with the container reason. */
    public ContainerStartException(String reason) {
        super(reason);
    }
}
