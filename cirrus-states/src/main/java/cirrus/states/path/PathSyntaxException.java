package cirrus.states.path;

/** A path, payload template or intrinsic function that does not parse; the message says why. */
public final class PathSyntaxException extends Exception {
    public PathSyntaxException(String message) {
        super(message);
    }
}
