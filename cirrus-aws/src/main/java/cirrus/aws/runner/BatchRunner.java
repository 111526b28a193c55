package cirrus.aws.runner;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cirrus.aws.handler.Deployment;
import cirrus.runtime.port.BlobUrl;
import cirrus.runtime.task.Task;
import cirrus.runtime.task.TaskRunner;

/**
 * The Batch job entry point of a Java task: {@code java -cp cirrus-aws-lambda.jar
 * cirrus.aws.runner.BatchRunner process <url> [--output <url_out>] [--task <class>] [--name <task
 * name>]}. Reads the payload at {@code url}, runs the task (class from {@code --task} or {@code
 * CIRRUS_TASK_CLASS}, name from {@code --name}, {@code CIRRUS_TASK_NAME} or the class's simple
 * name), writes the result to {@code url_out} (default: {@code url} with {@code .json} → {@code
 * _out.json}), the contract pre-batch and post-batch rely on. On failure the last line of the
 * output (the job's CloudWatch log) is {@code <ErrorType>: <message>}, e.g. {@code InvalidInput:
 * …}, which post-batch turns into the workflow error.
 *
 * <p>Exit codes: 0 done, 1 the task failed, 2 bad usage.
 */
public final class BatchRunner {
    public static final int OK = 0;
    public static final int TASK_FAILED = 1;
    public static final int USAGE = 2;

    private BatchRunner() {}

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, UTF_8);
        int code = run(args, System.getenv(), out);
        out.flush();
        System.exit(code);
    }

    /** Runs the command line; returns the exit code. */
    public static int run(String[] args, Map<String, String> env, PrintStream out) {
        Optional<Invocation> parsed = Invocation.parse(List.of(args), env);
        if (parsed.isEmpty()) {
            out.println(
                    "usage: BatchRunner process <url> [--output <url_out>] [--task <class>]"
                            + " [--name <task name>]");
            return USAGE;
        }
        Invocation call = parsed.get();
        Task task;
        try {
            task = TaskLoader.load(call.taskClass);
        } catch (IllegalArgumentException e) {
            out.println("Exception: " + e.getMessage());
            return USAGE;
        }
        try (Deployment deployment = Deployment.fromEnvironment(withPayloadBucket(env, call.url))) {
            TaskRunner runner =
                    new TaskRunner(call.taskName, task, deployment.transport(), deployment.clock());
            return runner.runBatch(call.url, call.output, out) == 0 ? OK : TASK_FAILED;
        } catch (RuntimeException e) {
            out.println(TaskRunner.errorLine(e));
            return TASK_FAILED;
        }
    }

    /** The payload bucket defaults to the bucket of the input URL. */
    private static Map<String, String> withPayloadBucket(Map<String, String> env, String url) {
        String bucket = env.get("CIRRUS_PAYLOAD_BUCKET");
        if (bucket != null && !bucket.isBlank()) {
            return env;
        }
        Map<String, String> copy = new HashMap<>(env);
        copy.put("CIRRUS_PAYLOAD_BUCKET", BlobUrl.parse(url).bucket());
        return copy;
    }

    /** A parsed command line. */
    private record Invocation(
            String url, Optional<String> output, String taskClass, String taskName) {
        static Optional<Invocation> parse(List<String> args, Map<String, String> env) {
            if (args.size() < 2 || !args.get(0).equals("process")) {
                return Optional.empty();
            }
            String url = args.get(1);
            String output = null;
            String taskClass = env.get("CIRRUS_TASK_CLASS");
            String taskName = env.get("CIRRUS_TASK_NAME");
            List<String> rest = new ArrayList<>(args.subList(2, args.size()));
            for (int i = 0; i < rest.size(); i += 2) {
                if (i + 1 >= rest.size()) {
                    return Optional.empty();
                }
                String value = rest.get(i + 1);
                switch (rest.get(i)) {
                    case "--output" -> output = value;
                    case "--task" -> taskClass = value;
                    case "--name" -> taskName = value;
                    default -> {
                        return Optional.empty();
                    }
                }
            }
            if (taskClass == null || taskClass.isBlank()) {
                return Optional.empty();
            }
            if (taskName == null || taskName.isBlank()) {
                taskName = taskClass.substring(taskClass.lastIndexOf('.') + 1);
            }
            return Optional.of(
                    new Invocation(url, Optional.ofNullable(output), taskClass, taskName));
        }
    }
}
