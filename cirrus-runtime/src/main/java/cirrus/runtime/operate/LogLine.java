package cirrus.runtime.operate;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * One log event.
 *
 * @param timestamp when it was written (locally: when its stream was last written)
 * @param group the log group, e.g. {@code /aws/lambda/my-stack-dev-process}
 * @param stream the log stream
 * @param task the state of the execution that wrote it, or empty text when not known
 * @param message the text
 */
public record LogLine(Instant timestamp, String group, String stream, String task, String message) {
    /** Time order; lines of one stream keep their order (the sort is stable). */
    public static final Comparator<LogLine> BY_TIME = Comparator.comparing(LogLine::timestamp);

    public LogLine {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(message, "message");
    }

    /** The same line attributed to a task. */
    public LogLine forTask(String value) {
        return new LogLine(timestamp, group, stream, value, message);
    }
}
