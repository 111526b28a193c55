package cirrus.local.operate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import cirrus.local.engine.ExecutionStore;
import cirrus.local.store.LocalStores;
import cirrus.runtime.operate.LogSource;
import cirrus.runtime.operate.OperationsFixture;
import cirrus.runtime.operate.PipelineOperations;
import cirrus.runtime.operate.PipelineOperationsSpec;
import cirrus.runtime.operate.StoreOperations;
import cirrus.runtime.port.ReceivedMessage;
import cirrus.runtime.port.StateStore;

/** The operations contract on the local engine's SQLite stores and log files. */
class LocalOperationsTest extends PipelineOperationsSpec {
    @Override
    protected OperationsFixture.Factory backend() {
        return clock -> {
            Path dir = Files.createTempDirectory("cirrus-operate");
            LocalStores stores = LocalStores.open(dir, clock);
            ExecutionStore executions = new ExecutionStore(stores.database());
            java.util.function.IntFunction<PipelineOperations> paged =
                    size ->
                            LocalOperations.over(
                                    stores,
                                    executions,
                                    Optional.empty(),
                                    LocalOperations.queue(stores, "process"),
                                    OperationsFixture.PAYLOAD_BUCKET,
                                    LocalOperations.API_EXECUTION_LINK,
                                    size);
            PipelineOperations ops = paged.apply(StoreOperations.PAGE);
            LocalLogs logs = new LocalLogs(stores.logs());
            return new OperationsFixture() {
                @Override
                public StateStore states() {
                    return stores.stateStore();
                }

                @Override
                public PipelineOperations operations() {
                    return ops;
                }

                @Override
                public PipelineOperations operations(int pageSize) {
                    return paged.apply(pageSize);
                }

                @Override
                public LogSource logs() {
                    return logs;
                }

                @Override
                public void writeLog(String group, String stream, List<String> lines) {
                    stores.logs().append(group, stream, lines);
                }

                @Override
                public List<String> processQueue() {
                    return stores.queue("process").receive(100, Duration.ofMinutes(5)).stream()
                            .map(ReceivedMessage::body)
                            .toList();
                }

                @Override
                public String executionArn(String workflow, String name) {
                    return "arn:aws:states:us-west-2:000000000000:execution:stack-dev-"
                            + workflow
                            + ":"
                            + name;
                }

                @Override
                public void close() {
                    stores.close();
                }
            };
        };
    }
}
