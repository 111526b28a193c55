package cirrus.runtime.event;

/** A record of an event does not hold a JSON payload. */
public final class RecordExtractException extends IllegalArgumentException {
    public RecordExtractException(String message) {
        super(message);
    }
}
