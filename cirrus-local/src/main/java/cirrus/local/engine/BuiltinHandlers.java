package cirrus.local.engine;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import cirrus.local.lambda.JavaHandler;
import cirrus.local.model.LocalFunction;
import cirrus.runtime.builtin.FeedRerunFeeder;
import cirrus.runtime.builtin.PostBatchTask;
import cirrus.runtime.builtin.PreBatchTask;
import cirrus.runtime.builtin.PublishTask;
import cirrus.runtime.port.Topic;
import cirrus.runtime.task.Task;
import cirrus.runtime.task.TaskRunner;

/**
 * Binds the Java handlers of the builtin functions ({@code cirrus.aws.handler.<Name>Handler}) to
 * the runtime's builtin logic over the local stores, configured, like on AWS, by the function's
 * environment ({@code CIRRUS_PAYLOAD_BUCKET}, {@code CIRRUS_DATA_BUCKET}, {@code
 * CIRRUS_PUBLISH_TOPIC_ARN}, ...). {@code process} and {@code update-state} are driven by the
 * engine itself, not invoked as tasks.
 */
final class BuiltinHandlers {
    static final String PACKAGE = "cirrus.aws.handler.";

    private BuiltinHandlers() {}

    static Map<String, Function<LocalFunction, JavaHandler>> of(EnginePorts ports) {
        return Map.of(
                PACKAGE + "PreBatchHandler",
                fn -> {
                    PreBatchTask task =
                            new PreBatchTask(ports.transport(fn.environment()), UUID::randomUUID);
                    return (event, context) -> task.handle(event);
                },
                PACKAGE + "PostBatchHandler",
                fn -> {
                    PostBatchTask task =
                            new PostBatchTask(ports.transport(fn.environment()), ports.logs());
                    return (event, context) -> task.handle(event);
                },
                PACKAGE + "PublishHandler",
                fn -> {
                    PublishTask task = publish(ports, fn);
                    return (event, context) -> task.handle(event);
                },
                PACKAGE + "FeedRerunHandler",
                fn -> {
                    FeedRerunFeeder feeder =
                            new FeedRerunFeeder(
                                    ports.states(),
                                    ports.queue(processQueueUrl(ports, fn)),
                                    ports.transport(fn.environment()).payloadBucket());
                    return (event, context) -> feeder.handle(event);
                },
                PACKAGE + "ProcessHandler",
                fn ->
                        unsupported(
                                "process", "the engine runs process itself from the process queue"),
                PACKAGE + "UpdateStateHandler",
                fn ->
                        unsupported(
                                "update-state",
                                "the engine runs update-state itself when an execution ends"),
                PACKAGE + "ApiHandler",
                fn -> unsupported("api", "run `cirrus serve` for the local HTTP API"));
    }

    private static String processQueueUrl(EnginePorts ports, LocalFunction fn) {
        return Optional.ofNullable(fn.environment().get("CIRRUS_PROCESS_QUEUE_URL"))
                .orElse(
                        ports.model()
                                .names()
                                .queueUrl(ports.model().names().stackName() + "-process"));
    }

    private static PublishTask publish(EnginePorts ports, LocalFunction fn) {
        Map<String, String> env = fn.environment();
        List<Topic> extra =
                Arrays.stream(env.getOrDefault("CIRRUS_PUBLISH_SNS", "").split(","))
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .map(ports::topic)
                        .toList();
        PublishTask.Config config =
                new PublishTask.Config(
                        env.getOrDefault("CIRRUS_DATA_BUCKET", ""),
                        ports.topicOf(env, "CIRRUS_PUBLISH_TOPIC_ARN"),
                        extra,
                        Optional.ofNullable(env.get("CIRRUS_API_URL")),
                        env.getOrDefault("AWS_REGION", ports.model().names().region()));
        return new PublishTask(
                ports.transport(env), ports.states(), config, ports::topic, ports.clock());
    }

    private static JavaHandler unsupported(String name, String why) {
        return (event, context) -> {
            throw new UnsupportedOperationException(
                    "the builtin " + name + " function is not invoked as a task locally: " + why);
        };
    }

    /**
     * Runs a task SDK class of a function the way its Lambda handler would, as task {@code
     * CIRRUS_TASK_NAME} (default: the function's name).
     */
    static JavaHandler task(EnginePorts ports, LocalFunction fn, Task task) {
        String name = fn.environment().getOrDefault("CIRRUS_TASK_NAME", fn.key());
        TaskRunner runner =
                new TaskRunner(name, task, ports.transport(fn.environment()), ports.clock());
        return (event, context) -> {
            var out = runner.handle(event);
            return out == null ? JsonNodeFactory.instance.nullNode() : out;
        };
    }
}
