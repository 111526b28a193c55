package cirrus.runtime.operate;

import java.time.Clock;
import java.util.List;

import cirrus.runtime.port.StateStore;

/**
 * One backend of {@link PipelineOperationsSpec}: the state store the operations read (to seed it),
 * the operations, its log source, and what reruns sent to its process queue.
 */
public interface OperationsFixture extends AutoCloseable {
    /** The payload bucket the operations link inputs to. */
    String PAYLOAD_BUCKET = "payloads";

    /** Opens the backend; its state store uses {@code clock}. */
    interface Factory {
        OperationsFixture open(Clock clock) throws Exception;
    }

    StateStore states();

    PipelineOperations operations();

    /** Operations that read {@code pageSize} items per state-store request. */
    PipelineOperations operations(int pageSize);

    LogSource logs();

    /** Writes log events (now) that {@link #logs()} reads. */
    void writeLog(String group, String stream, List<String> lines);

    /** The bodies of the messages sent to the process queue so far, oldest first. */
    List<String> processQueue();

    /** The ARN of an execution of {@code workflow} named {@code name} on this backend. */
    String executionArn(String workflow, String name);

    @Override
    default void close() throws Exception {}
}
