package cirrus.validate.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The size of a tree written as compact JSON (UTF-8 bytes), as AWS measures request bodies. */
public final class JsonSize {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonSize() {}

    public static long of(Object tree) {
        try {
            return JSON.writeValueAsBytes(tree).length;
        } catch (JsonProcessingException e) {
            return 0;
        }
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
