package cirrus.runtime.port;

import java.util.Objects;

/**
 * An object address {@code s3://bucket/key}. The key may be empty only when the URL names a prefix
 * for {@link BlobStore#list}.
 *
 * @param bucket the bucket name, non-empty, without {@code /}
 * @param key the object key (no leading {@code /})
 */
public record BlobUrl(String bucket, String key) {
    private static final String SCHEME = "s3://";

    public BlobUrl {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        if (bucket.isEmpty() || bucket.contains("/")) {
            throw new IllegalArgumentException("invalid bucket name '" + bucket + "'");
        }
    }

    /**
     * Parses {@code s3://bucket/key}.
     *
     * @throws IllegalArgumentException when {@code url} is not an {@code s3://} URL with a bucket
     */
    public static BlobUrl parse(String url) {
        if (url == null || !url.startsWith(SCHEME)) {
            throw new IllegalArgumentException("not an s3:// URL: " + url);
        }
        String rest = url.substring(SCHEME.length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String key = slash < 0 ? "" : rest.substring(slash + 1);
        if (bucket.isEmpty()) {
            throw new IllegalArgumentException("s3:// URL without a bucket: " + url);
        }
        return new BlobUrl(bucket, key);
    }

    /** A URL in the same bucket with {@code suffix} appended to the key. */
    public BlobUrl resolve(String suffix) {
        return new BlobUrl(bucket, key + suffix);
    }

    @Override
    public String toString() {
        return SCHEME + bucket + "/" + key;
    }
}
