package cirrus.validate.analysis;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The size of a YAML tree written as compact JSON, in UTF-8 bytes, as AWS measures request bodies;
 * counted without writing it.
 */
public final class JsonSize {
    private JsonSize() {}

    public static long of(Object tree) {
        if (tree == null) {
            return 4; // null
        }
        if (tree instanceof Map<?, ?> m) {
            long size = 2 + Math.max(0, m.size() - 1); // braces and commas
            for (Map.Entry<?, ?> e : m.entrySet()) {
                size += text(String.valueOf(e.getKey())) + 1 + of(e.getValue());
            }
            return size;
        }
        if (tree instanceof List<?> l) {
            long size = 2 + Math.max(0, l.size() - 1);
            for (Object item : l) {
                size += of(item);
            }
            return size;
        }
        if (tree instanceof Number || tree instanceof Boolean) {
            return String.valueOf(tree).length();
        }
        return text(String.valueOf(tree));
    }

    /** A JSON string: quotes, escapes for quote, backslash and control characters, UTF-8. */
    private static long text(String s) {
        long size = 2 + s.getBytes(StandardCharsets.UTF_8).length;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\' || c == '\n' || c == '\r' || c == '\t' || c == '\b'
                    || c == '\f') {
                size += 1;
            } else if (c < 0x20) {
                size += 5; // \\u00XX
            }
        }
        return size;
    }

    /** {@code 25.3 KiB}. */
    public static String kib(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f KiB", bytes / 1024.0);
    }

    /** {@code 1.07 MB} (10^6 bytes, as the Step Functions and CloudFormation quotas count). */
    public static String mb(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.2f MB", bytes / 1_000_000.0);
    }
}
