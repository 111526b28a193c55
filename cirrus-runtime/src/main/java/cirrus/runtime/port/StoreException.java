package cirrus.runtime.port;

/**
 * A storage port could not do what it was asked (I/O failure, unreachable service, corrupt data).
 * Adapters wrap their own exceptions in it so that callers depend on the port only.
 */
public class StoreException extends RuntimeException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
