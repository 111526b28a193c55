package cirrus.runtime.testing;

import java.time.Clock;
import java.util.List;

import cirrus.runtime.port.BlobStore;
import cirrus.runtime.port.LogReader;
import cirrus.runtime.port.Queue;
import cirrus.runtime.port.StateStore;
import cirrus.runtime.port.Topic;
import cirrus.runtime.port.TopicMessage;

/**
 * Creates the adapters the builtin specifications run on. Each adapter module implements it once
 * (SQLite/directories locally, DynamoDB/S3/SQS/SNS on moto) and runs every {@code *Spec} with it.
 */
public interface PortFactory extends AutoCloseable {
    StateStore stateStore(Clock clock);

    BlobStore blobStore();

    Queue queue(String name);

    Topic topic(String name);

    /** Every message published to {@code topic} so far. */
    List<TopicMessage> published(Topic topic);

    LogReader logReader();

    /** Writes log lines (events) that {@link #logReader()} can read. */
    void writeLog(String group, String stream, List<String> lines);

    @Override
    default void close() {}
}
