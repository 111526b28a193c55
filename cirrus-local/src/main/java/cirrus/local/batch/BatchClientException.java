package cirrus.local.batch;

/**
 * A request the Batch API would reject with a {@code ClientException} (HTTP 400): unknown queue or
 * job definition, inactive revision, disabled queue, invalid name, oversized request. Step
 * Functions reports it as the error {@code Batch.ClientException}, which {@link #errorName()}
 * returns.
 */
public final class BatchClientException extends RuntimeException {
    /** Creates the exception with an AWS-like message. */
    public BatchClientException(String message) {
        super(message);
    }

    /** The Step Functions error name of this failure. */
    public String errorName() {
        return "Batch.ClientException";
    }

    /** The stable code of this failure. */
    public BatchCode code() {
        return BatchCode.CLIENT_ERROR;
    }
}
