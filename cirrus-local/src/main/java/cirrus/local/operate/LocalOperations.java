package cirrus.local.operate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

import cirrus.local.batch.BatchEmulator;
import cirrus.local.batch.SqliteJobStore;
import cirrus.local.engine.ExecutionStore;
import cirrus.local.engine.LocalEngine;
import cirrus.local.model.LocalModel;
import cirrus.local.model.LocalStateMachine;
import cirrus.local.store.LocalStores;
import cirrus.runtime.json.Json;
import cirrus.runtime.operate.BatchJobSource;
import cirrus.runtime.operate.ExecutionSource;
import cirrus.runtime.operate.PipelineOperations;
import cirrus.runtime.operate.Resubmitter;
import cirrus.runtime.operate.StoreOperations;

/**
 * The {@link PipelineOperations} of the local engine: state items from its SQLite state table,
 * executions and histories from its execution store, jobs from its Batch emulator, logs from its
 * log files, reruns into its process queue.
 */
public final class LocalOperations {
    /** The default execution link: the execution route of the local API ({@code cirrus serve}). */
    public static final String API_EXECUTION_LINK = "/executions/%s";

    private LocalOperations() {}

    /**
     * The operations of a running engine (e.g. inside {@code cirrus serve}); reruns go through
     * {@link LocalEngine#submitAll}, which wakes the engine's process pollers.
     *
     * @param executionLink where to look at an execution ({@code %s} is its ARN), e.g. {@code
     *     http://127.0.0.1:8000/executions/%s}
     */
    public static PipelineOperations of(LocalEngine engine, String executionLink) {
        Resubmitter queue =
                messages -> engine.submitAll(messages.stream().map(Json::parse).toList());
        return build(
                engine.stores(),
                new LocalExecutions(engine.executions(), definitions(engine.model())),
                engine.batch(),
                queue,
                engine.model().bucket("Payloads").map(b -> b.name()).orElse(""),
                executionLink,
                StoreOperations.PAGE);
    }

    /** {@link #of(LocalEngine, String)} linking executions to {@link #API_EXECUTION_LINK}. */
    public static PipelineOperations of(LocalEngine engine) {
        return of(engine, API_EXECUTION_LINK);
    }

    /** The operations over the parts of a local engine (tests, tools reading a state directory). */
    public static PipelineOperations over(
            LocalStores stores,
            ExecutionStore executions,
            Optional<BatchEmulator> batch,
            Resubmitter processQueue,
            String payloadBucket,
            String executionLink) {
        return over(
                stores,
                executions,
                batch,
                processQueue,
                payloadBucket,
                executionLink,
                StoreOperations.PAGE);
    }

    /** {@link #over} reading {@code pageSize} state items per query. */
    public static PipelineOperations over(
            LocalStores stores,
            ExecutionStore executions,
            Optional<BatchEmulator> batch,
            Resubmitter processQueue,
            String payloadBucket,
            String executionLink,
            int pageSize) {
        return build(
                stores,
                new LocalExecutions(executions),
                batch,
                processQueue,
                payloadBucket,
                executionLink,
                pageSize);
    }

    /** The definitions of the model's workflows, by workflow key or state machine name. */
    static Function<String, Optional<JsonNode>> definitions(LocalModel model) {
        return workflow -> {
            LocalStateMachine machine = model.stateMachines().get(workflow);
            if (machine == null) {
                machine =
                        model.stateMachines().values().stream()
                                .filter(m -> m.name().equals(workflow))
                                .findFirst()
                                .orElse(null);
            }
            return Optional.ofNullable(machine).map(m -> Json.parse(m.definitionJson()));
        };
    }

    private static PipelineOperations build(
            LocalStores stores,
            ExecutionSource executions,
            Optional<BatchEmulator> batch,
            Resubmitter processQueue,
            String payloadBucket,
            String executionLink,
            int pageSize) {
        BatchJobSource jobs =
                batch.<BatchJobSource>map(LocalBatchJobs::new).orElse(BatchJobSource.none());
        return new StoreOperations(
                stores.stateStore(),
                new StoreOperations.Sources(
                        new LocalStateKeys(stores.database()),
                        executions,
                        jobs,
                        new LocalLogs(stores.logs()),
                        processQueue),
                payloadBucket,
                executionLink,
                Clock.systemUTC(),
                pageSize);
    }

    /**
     * The operations over a state directory without running the engine (e.g. while {@code cirrus
     * serve} runs it in another process; SQLite lets both read): state items, executions, Batch
     * jobs of {@code batch.db}, log files. Reruns go to the SQLite queue {@code processQueue}.
     */
    public static Opened open(Path stateDirectory, String processQueue, String executionLink) {
        LocalStores stores = LocalStores.open(stateDirectory, Clock.systemUTC());
        Optional<SqliteJobStore> jobStore =
                Files.isRegularFile(stateDirectory.resolve("batch.db"))
                        ? Optional.of(SqliteJobStore.open(stateDirectory.resolve("batch.db")))
                        : Optional.empty();
        BatchJobSource jobs =
                jobStore.<BatchJobSource>map(j -> new LocalBatchJobs(j::get))
                        .orElse(BatchJobSource.none());
        PipelineOperations ops =
                new StoreOperations(
                        stores.stateStore(),
                        new StoreOperations.Sources(
                                new LocalStateKeys(stores.database()),
                                new LocalExecutions(new ExecutionStore(stores.database())),
                                jobs,
                                new LocalLogs(stores.logs()),
                                queue(stores, processQueue)),
                        "",
                        executionLink,
                        Clock.systemUTC());
        return new Opened(ops, stores, jobStore);
    }

    /** Operations over an opened state directory; closing closes its databases. */
    public record Opened(
            PipelineOperations operations, LocalStores stores, Optional<SqliteJobStore> jobs)
            implements AutoCloseable {
        @Override
        public void close() {
            jobs.ifPresent(SqliteJobStore::close);
            stores.close();
        }
    }

    /** A {@link Resubmitter} into a SQLite queue of the stores (the process queue by name). */
    public static Resubmitter queue(LocalStores stores, String queueName) {
        return messages -> {
            if (!messages.isEmpty()) {
                stores.queue(queueName).sendBatch(List.copyOf(messages));
            }
        };
    }
}
