package cirrus.runtime.payload;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The one rule every payload id obeys, wherever it is checked ({@code payload validate}, {@code
 * payload submit}, {@code POST /payloads}, {@code process}): the id must name objects that S3, the
 * local directory bucket and every URL-handling tool address the same way.
 *
 * <ul>
 *   <li>{@code <id>/input.json} fits an S3 key (at most {@value #MAX_KEY_BYTES} UTF-8 bytes), which
 *       also keeps it within DynamoDB's key sizes;
 *   <li>it is valid Unicode (no unpaired surrogate, which UTF-8 cannot encode);
 *   <li>no control characters (U+0000–U+001F, U+007F), which S3's XML listings cannot return;
 *   <li>no {@code .} or {@code ..} path segment, which URL normalisation (RFC 3986 §5.2.4) removes,
 *       so that {@code s3://bucket/a/../input.json} would name another object.
 * </ul>
 *
 * Backslashes, {@code %}, empty segments and segments longer than a file name are allowed: S3
 * accepts them and the local directory bucket encodes them.
 */
public final class PayloadIdRule {
    /** S3's limit on an object key. */
    public static final int MAX_KEY_BYTES = 1024;

    private static final String LONGEST_SUFFIX = "/input.json";

    private PayloadIdRule() {}

    /** Why {@code id} breaks the rule, or empty when it obeys it. */
    public static Optional<String> problem(PayloadId id) {
        String text = id.toString();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)
                    && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("contains an unpaired surrogate (\\u" + hex(c) + ")");
            } else if (c < 0x20 || c == 0x7f) {
                return Optional.of("contains the control character \\u" + hex(c));
            }
        }
        for (String segment : text.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return Optional.of(
                        "has a '"
                                + segment
                                + "' path segment, which URLs resolve away (use another item id)");
            }
        }
        int bytes = (text + LONGEST_SUFFIX).getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_KEY_BYTES) {
            return Optional.of(
                    "is too long: '<id>"
                            + LONGEST_SUFFIX
                            + "' has "
                            + bytes
                            + " UTF-8 bytes, S3 keys at most "
                            + MAX_KEY_BYTES);
        }
        return Optional.empty();
    }

    private static String hex(char c) {
        return String.format("%04x", (int) c);
    }
}
