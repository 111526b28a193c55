package cirrus.local.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps every object key S3 accepts to a relative path a file system can hold, and back.
 *
 * <p>A key is split at {@code /}; each segment becomes one file name (or several, see below) in
 * which {@code %}, NUL and {@code \} are written as {@code %25}, {@code %00} and {@code %5C}; an
 * empty segment is {@code %}, and {@code .} and {@code ..} are {@code %2E} and {@code %2E%2E}. A
 * segment longer than {@value #MAX_NAME_BYTES} bytes is cut into names of at most {@value
 * #PIECE_BYTES} bytes, each but the last ending in {@code %+} ("continued in the next name"). As
 * {@code %} is always escaped, the markers never collide with a key, and a key without {@code %},
 * NUL, {@code \}, dot or empty segments and long segments is stored under its own name.
 */
final class ObjectKeyPaths {
    static final int MAX_NAME_BYTES = 255;
    static final int PIECE_BYTES = 240;
    private static final String CONTINUED = "%+";

    private ObjectKeyPaths() {}

    /** The file names of {@code key}, in order (never empty, never {@code .} or {@code ..}). */
    static List<String> names(String key) {
        List<String> names = new ArrayList<>();
        for (String segment : key.split("/", -1)) {
            String whole = escape(segment);
            if (utf8(whole) <= MAX_NAME_BYTES) {
                names.add(whole);
                continue;
            }
            StringBuilder piece = new StringBuilder();
            int bytes = 0;
            for (int i = 0; i < segment.length(); ) {
                int cp = segment.codePointAt(i);
                String one = escape(new String(Character.toChars(cp)));
                int size = utf8(one);
                if (bytes + size > PIECE_BYTES) {
                    names.add(piece + CONTINUED);
                    piece.setLength(0);
                    bytes = 0;
                }
                piece.append(one);
                bytes += size;
                i += Character.charCount(cp);
            }
            names.add(piece.toString());
        }
        return names;
    }

    /** {@code base} joined with the names of {@code key}; always strictly below {@code base}. */
    static Path resolve(Path base, String key) {
        Path path = base;
        for (String name : names(key)) {
            path = path.resolve(name);
        }
        return path;
    }

    /** The key stored under {@code relative} (a path produced by {@link #resolve}). */
    static String key(Path relative) {
        StringBuilder key = new StringBuilder();
        StringBuilder segment = new StringBuilder();
        boolean first = true;
        for (Path name : relative) {
            String n = name.toString();
            if (n.endsWith(CONTINUED)) {
                segment.append(unescape(n.substring(0, n.length() - CONTINUED.length())));
                continue;
            }
            segment.append(n.equals("%") ? "" : unescape(n));
            if (!first) {
                key.append('/');
            }
            key.append(segment);
            segment.setLength(0);
            first = false;
        }
        return key.toString();
    }

    private static String escape(String segment) {
        if (segment.isEmpty()) {
            return "%";
        }
        if (segment.equals(".") || segment.equals("..")) {
            return segment.replace(".", "%2E");
        }
        StringBuilder out = new StringBuilder(segment.length());
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            switch (c) {
                case '%' -> out.append("%25");
                case '\0' -> out.append("%00");
                case '\\' -> out.append("%5C");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String unescape(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '%' && isHex(name, i + 1) && isHex(name, i + 2)) {
                out.append((char) Integer.parseInt(name.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isHex(String s, int i) {
        return i < s.length() && Character.digit(s.charAt(i), 16) >= 0;
    }

    private static int utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
