package cirrus.local.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Maps a {@code /}-separated name (an object key, a log stream) to a path under a base directory
 * such that it can never leave it: empty, {@code .} and {@code ..} segments, backslashes and NUL
 * are rejected, so no key escapes its bucket.
 */
final class SafePath {
    private static final int MAX_SEGMENT_BYTES = 255;

    private SafePath() {}

    /**
     * {@code base} joined with the segments of {@code name}.
     *
     * @throws IllegalArgumentException naming {@code what} when {@code name} cannot be stored
     */
    static Path resolve(Path base, String name, String what) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        Path path = base;
        for (String segment : name.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException(
                        what
                                + " '"
                                + name
                                + "' cannot be stored locally: empty, '.' and '..' path segments"
                                + " are not allowed");
            }
            if (segment.indexOf('\0') >= 0 || segment.indexOf('\\') >= 0) {
                throw new IllegalArgumentException(
                        what + " '" + name + "' contains a NUL or backslash character");
            }
            if (segment.getBytes(StandardCharsets.UTF_8).length > MAX_SEGMENT_BYTES) {
                throw new IllegalArgumentException(
                        what + " '" + name + "' has a path segment longer than 255 bytes");
            }
            path = path.resolve(segment);
        }
        Path normalized = path.normalize();
        if (!normalized.startsWith(base.normalize()) || normalized.equals(base.normalize())) {
            throw new IllegalArgumentException(what + " '" + name + "' escapes " + base);
        }
        return normalized;
    }
}
