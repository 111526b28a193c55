package cirrus.runtime.port;

import java.util.Map;
import java.util.Objects;

/**
 * How an object is written: its content type, extra upload headers (S3 {@code ExtraArgs} such as
 * {@code CacheControl}, from {@code upload_options.headers}) and whether it is publicly readable.
 * Local adapters accept and ignore headers and the ACL.
 *
 * @param contentType MIME type of the content
 * @param headers extra upload arguments by their S3 names
 * @param publicRead whether to grant {@code public-read}
 */
public record PutOptions(String contentType, Map<String, String> headers, boolean publicRead) {
    /** JSON, no extra headers, private. */
    public static final PutOptions JSON = new PutOptions("application/json", Map.of(), false);

    /** Arbitrary bytes, no extra headers, private. */
    public static final PutOptions BINARY =
            new PutOptions("application/octet-stream", Map.of(), false);

    public PutOptions {
        Objects.requireNonNull(contentType, "contentType");
        headers = Map.copyOf(headers);
    }
}
