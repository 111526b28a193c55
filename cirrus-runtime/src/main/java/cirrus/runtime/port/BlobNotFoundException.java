package cirrus.runtime.port;

/** The object at a {@link BlobUrl} does not exist. */
public class BlobNotFoundException extends StoreException {
    private final BlobUrl url;

    public BlobNotFoundException(BlobUrl url) {
        super("no such object: " + url);
        this.url = url;
    }

    public BlobUrl url() {
        return url;
    }
}
