package cirrus.local.engine;

/** Another engine runs on the same state directory. */
public final class EngineBusyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public EngineBusyException(String message) {
        super(message);
    }
}
