package cirrus.runtime.port;

/** The requested log group or stream does not exist. */
public class LogStreamNotFoundException extends StoreException {
    public LogStreamNotFoundException(String group, String stream) {
        super("log stream not found: " + group + " " + stream);
    }
}
