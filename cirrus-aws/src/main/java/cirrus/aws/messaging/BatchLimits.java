package cirrus.aws.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * How SNS {@code PublishBatch} and SQS {@code SendMessageBatch} requests must be cut: at most 10
 * entries, and at most 262,144 bytes (256 KiB) for the sum of the entries' sizes (a message's size
 * is its body plus its attributes' names, types and values, in UTF-8). An entry over the limit on
 * its own goes alone, so the service rejects that entry and not its neighbours.
 */
public final class BatchLimits {
    /** Entries per batch request. */
    public static final int MAX_ENTRIES = 10;

    /** Total payload bytes per batch request. */
    public static final int MAX_BYTES = 262_144;

    private BatchLimits() {}

    /** Splits {@code entries}, in order, into batches within both limits. */
    public static <T> List<List<T>> split(List<T> entries, ToIntFunction<T> size) {
        List<List<T>> batches = new ArrayList<>();
        List<T> current = new ArrayList<>();
        long bytes = 0;
        for (T entry : entries) {
            int n = size.applyAsInt(entry);
            if (!current.isEmpty() && (current.size() == MAX_ENTRIES || bytes + n > MAX_BYTES)) {
                batches.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(entry);
            bytes += n;
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }

    /** The UTF-8 size of a text. */
    public static int utf8(String text) {
        return text == null ? 0 : text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }
}
