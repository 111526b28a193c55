package cirrus.local.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cirrus.local.batch.BatchArns;
import cirrus.local.batch.BatchEmulator;
import cirrus.local.batch.BatchResources;
import cirrus.local.batch.BatchSettings;
import cirrus.local.batch.ContainerTask;
import cirrus.local.batch.SqliteJobStore;
import cirrus.local.lambda.JavaHandlers;
import cirrus.local.lambda.JavaInvoker;
import cirrus.local.lambda.PythonInvoker;
import cirrus.local.lambda.RuntimeDispatch;
import cirrus.local.model.LocalBucket;
import cirrus.local.model.LocalFunction;
import cirrus.local.model.LocalModel;
import cirrus.local.model.LocalNames;
import cirrus.local.model.LocalQueue;
import cirrus.local.store.LocalStores;
import cirrus.local.store.SqliteQueue;
import cirrus.runtime.builtin.FeedRerunFeeder;
import cirrus.runtime.builtin.ProcessFunction;
import cirrus.runtime.builtin.UpdateStateFunction;
import cirrus.runtime.events.WorkflowEvents;
import cirrus.runtime.json.Json;
import cirrus.runtime.port.StateStore;
import cirrus.runtime.statedb.ConsoleUrls;

/**
 * The local engine of one project: the composition root that opens the embedded stores under the
 * state directory and wires the cirrus pipeline as it runs on AWS — the process queue feeds {@code
 * process} (claim, deterministic execution name), which starts executions of the ASL interpreter;
 * their Lambda tasks run in-process (Java) or in {@code python3} (Python), their Batch tasks in the
 * local Batch emulator; each ended execution goes to {@code update-state} (state, events, chaining
 * back into the process queue). Every step is a committed SQLite transaction, so an engine killed
 * at any moment resumes where it stopped when started again.
 */
public final class LocalEngine implements AutoCloseable {
    private final LocalModel model;
    private final EngineLock lock;
    private final LocalStores stores;
    private final ExecutionStore executions;
    private final URLClassLoader classes;
    private final JavaInvoker javaInvoker;
    private final Optional<SqliteJobStore> jobStore;
    private final Optional<BatchEmulator> batch;
    private final ExecutionDriver driver;
    private final TaskDispatcher tasks;
    private final StatusReporter reporter;

    /** Process functions polling the process queue at once (like concurrent Lambda invocations). */
    private static final int PROCESS_WORKERS = 2;

    private final List<ProcessPoller> pollers;
    private final SqliteQueue processQueue;
    private final ExecutorService async;
    private final Map<String, String> invalidWorkflows;
    private final String payloadBucket;

    private LocalEngine(LocalModel model, EngineOptions options, EngineLock lock) {
        this.model = model;
        this.lock = lock;
        Path state = model.stateDirectory();
        Clock clock = Clock.systemUTC();
        this.stores = LocalStores.open(state, clock);
        for (LocalBucket b : model.buckets().values()) {
            stores.blobStore().createBucket(b.name());
        }
        this.executions = new ExecutionStore(stores.database());
        this.classes = EngineSetup.classLoader(model);
        Path batchLogs = state.resolve("logs/aws/batch/job");
        EnginePorts ports = new EnginePorts(model, stores, stores.logs(), clock);
        this.javaInvoker =
                new JavaInvoker(
                        new JavaHandlers(
                                BuiltinHandlers.of(ports),
                                (fn, task) -> BuiltinHandlers.task(ports, fn, task),
                                classes),
                        stores.logs()::append);
        RuntimeDispatch functions =
                new RuntimeDispatch(
                        javaInvoker,
                        new PythonInvoker(
                                model.settings().python(),
                                state.resolve("runtime"),
                                stores.logs()::append));
        Workflows workflows = new Workflows(model);
        this.invalidWorkflows = workflows.invalid();
        Map<String, String> updateEnv = environment("update-state");
        WorkflowEvents updateEvents =
                new WorkflowEvents(
                        ports.states(),
                        ports.topicOf(updateEnv, "CIRRUS_WORKFLOW_EVENT_TOPIC_ARN"),
                        new ConsoleUrls(model.names().region()),
                        clock);
        UpdateStateFunction updateState =
                new UpdateStateFunction(
                        updateEvents,
                        ports.transport(updateEnv),
                        new HistoryErrors(executions),
                        ports.queueOf(updateEnv, "CIRRUS_PROCESS_QUEUE_URL"),
                        ports.topicOf(updateEnv, "CIRRUS_FAILED_TOPIC_ARN"),
                        ports.topicOf(updateEnv, "CIRRUS_INVALID_TOPIC_ARN"));
        this.reporter = new StatusReporter(executions, updateState, model.names());
        this.driver =
                new ExecutionDriver(
                        executions, workflows, options.timeScale(), arn -> reporter.wake());
        this.async =
                Executors.newCachedThreadPool(
                        r -> {
                            Thread t = new Thread(r, "cirrus-batch-actions");
                            t.setDaemon(true);
                            return t;
                        });
        this.jobStore =
                EngineSetup.hasBatch(model)
                        ? Optional.of(SqliteJobStore.open(state.resolve("batch.db")))
                        : Optional.empty();
        ContainerTask runLambda = BatchTaskRunners.runLambda(model, functions, ports);
        this.batch =
                jobStore.map(
                        store ->
                                BatchEmulator.start(
                                        BatchResources.fromCloudFormation(
                                                EngineSetup.batchResources(model)),
                                        store,
                                        new ImageLaunchers(
                                                model.settings(),
                                                model.projectDirectory(),
                                                stores.blobStore().root(),
                                                image ->
                                                        BatchTaskRunners.javaTask(
                                                                image, classes, ports),
                                                Map.of(
                                                        "cirrusgeo/run-lambda", runLambda,
                                                        "cirrusgeo/run-geolambda", runLambda)),
                                        BatchSettings.defaults(batchLogs)
                                                .withArns(
                                                        new BatchArns(
                                                                model.names().region(),
                                                                LocalNames.ACCOUNT_ID))
                                                .withTimeScale(options.timeScale())));
        this.tasks =
                new TaskDispatcher(
                        new LambdaTasks(model, functions),
                        new BatchTasks(batch, executions, driver::post, async),
                        driver::post,
                        options.concurrency());
        Map<String, String> processEnv = environment("process");
        this.payloadBucket = ports.transport(processEnv).payloadBucket();
        LocalQueue queue = EngineSetup.processQueue(model, updateEnv);
        this.processQueue = ports.queue(queue.url());
        LocalWorkflowStarter starter = new LocalWorkflowStarter(model, workflows, driver);
        List<ProcessPoller> processors = new ArrayList<>();
        for (int i = 0; i < PROCESS_WORKERS; i++) {
            WorkflowEvents processEvents =
                    new WorkflowEvents(
                            ports.states(),
                            ports.topicOf(processEnv, "CIRRUS_WORKFLOW_EVENT_TOPIC_ARN"),
                            new ConsoleUrls(model.names().region()),
                            clock);
            ProcessFunction process =
                    new ProcessFunction(processEvents, starter, ports.transport(processEnv));
            processors.add(
                    new ProcessPoller(
                            processQueue, queue.arn(), process, queue.visibilityTimeout()));
        }
        this.pollers = List.copyOf(processors);
        EngineSetup.redeliverInFlightMessages(stores);
        driver.start(tasks);
        driver.recover();
        reporter.start();
        reporter.wake();
        pollers.forEach(ProcessPoller::start);
    }

    /**
     * Starts the engine of a project on its state directory.
     *
     * @throws EngineBusyException when another engine runs on that state directory
     */
    public static LocalEngine start(LocalModel model, EngineOptions options) {
        EngineLock lock;
        try {
            lock = EngineLock.acquire(model.stateDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + model.stateDirectory(), e);
        }
        try {
            return new LocalEngine(model, options, lock);
        } catch (RuntimeException e) {
            try {
                lock.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** Sends a payload to the process queue (as a feeder does). */
    public void submit(JsonNode payload) {
        processQueue.send(Json.write(payload));
        pollers.forEach(ProcessPoller::wake);
    }

    /** Sends payloads to the process queue in one transaction. */
    public void submitAll(List<JsonNode> payloads) {
        processQueue.sendBatch(payloads.stream().map(Json::write).toList());
        pollers.forEach(ProcessPoller::wake);
    }

    /**
     * Runs feed-rerun: sends the payloads matching the request ({@code collections}, {@code
     * workflow}, {@code state}, {@code since}, {@code error_begins_with}, {@code limit}) back to
     * the process queue.
     *
     * @return {@code {"found": n}}
     */
    public ObjectNode rerun(JsonNode request) {
        FeedRerunFeeder feeder = new FeedRerunFeeder(states(), processQueue, payloadBucket);
        ObjectNode result = feeder.handle(request);
        pollers.forEach(ProcessPoller::wake);
        return result;
    }

    public LocalModel model() {
        return model;
    }

    public StateStore states() {
        return stores.stateStore();
    }

    public LocalStores stores() {
        return stores;
    }

    public ExecutionStore executions() {
        return executions;
    }

    public Optional<BatchEmulator> batch() {
        return batch;
    }

    /** Workflows whose definitions are invalid, with their problems (payloads for them fail). */
    public Map<String, String> invalidWorkflows() {
        return invalidWorkflows;
    }

    /** Messages waiting in the process queue (visible or being processed). */
    public long queuedPayloads() {
        return processQueue.approximateCount();
    }

    /** Lambda invocations in progress. */
    public int activeInvocations() {
        return tasks.activeInvocations();
    }

    private Map<String, String> environment(String functionKey) {
        return model.function(functionKey)
                .map(LocalFunction::environment)
                .orElseGet(() -> EngineSetup.defaultEnvironment(model));
    }

    @Override
    public void close() {
        pollers.forEach(ProcessPoller::close);
        reporter.close();
        driver.close();
        tasks.close();
        batch.ifPresent(BatchEmulator::close);
        async.shutdownNow();
        javaInvoker.close();
        jobStore.ifPresent(SqliteJobStore::close);
        stores.close();
        try {
            classes.close();
        } catch (IOException e) {
            // nothing left to release
        }
        try {
            lock.close();
        } catch (IOException e) {
            // the lock goes with the process anyway
        }
    }
}
