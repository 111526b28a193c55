package cirrus.local.lambda;

import java.util.List;

/** Where invocation logs go: lines appended to a (CloudWatch-style) group and stream. */
@FunctionalInterface
public interface LogSink {
    /** Discards everything. */
    LogSink NONE = (group, stream, lines) -> {};

    void append(String group, String stream, List<String> lines);
}
