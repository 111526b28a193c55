package cirrus.runtime.operate;

import java.time.Instant;
import java.util.List;

/** Log events with their times (CloudWatch Logs, or the local engine's log files). */
public interface LogSource {
    /** The last {@code max} events of a stream, oldest first; empty when it does not exist. */
    List<LogLine> tail(String group, String stream, int max);

    /**
     * Events of every stream of {@code group} written between {@code from} and {@code to}
     * (inclusive), oldest first, at most {@code max}; empty when the group does not exist.
     */
    List<LogLine> between(String group, Instant from, Instant to, int max);
}
