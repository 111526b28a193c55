package cirrus.local.engine;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import cirrus.local.batch.ContainerTask;
import cirrus.local.batch.TaskInvocation;
import cirrus.local.lambda.FunctionInvoker;
import cirrus.local.lambda.LambdaResult;
import cirrus.local.model.ImageCommand;
import cirrus.local.model.LocalFunction;
import cirrus.local.model.LocalModel;
import cirrus.runtime.payload.PayloadTransport;
import cirrus.runtime.port.BlobUrl;
import cirrus.runtime.task.Task;
import cirrus.runtime.task.TaskRunner;

/**
 * In-process containers for Batch jobs: Java task classes (task SDK) run with {@code process <url>
 * [--output <url_out>]} semantics, and the builtin {@code run <function> <url>} image that runs a
 * project Lambda function on the payload at {@code url}, writing its result to {@code
 * url.replace(".json", "_out.json")}. On failure the last log line is {@code <ErrorType>:
 * <message>}, which post-batch turns back into the workflow error.
 */
final class BatchTaskRunners {
    private BatchTaskRunners() {}

    /** The task class of a {@code java:} image mapping, loaded from the project classpath. */
    static ContainerTask javaTask(ImageCommand image, ClassLoader classes, EnginePorts ports) {
        String className = image.javaClass().orElseThrow();
        return invocation -> {
            Task task;
            try {
                Class<?> type = Class.forName(className, true, classes);
                Constructor<?> c = type.getDeclaredConstructor();
                c.setAccessible(true);
                task = (Task) c.newInstance();
            } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
                invocation
                        .log()
                        .println(
                                "Runtime.ImportModuleError: cannot load task class "
                                        + className
                                        + " (add its jar to custom.local.javaClasspath): "
                                        + e);
                return 1;
            }
            List<String> args = invocation.command();
            Optional<String> url = args.stream().filter(a -> a.startsWith("s3://")).findFirst();
            int out = args.indexOf("--output");
            Optional<String> urlOut =
                    out >= 0 && out + 1 < args.size()
                            ? Optional.of(args.get(out + 1))
                            : Optional.empty();
            if (url.isEmpty()) {
                invocation
                        .log()
                        .println("InvalidInput: no s3:// payload URL in the command " + args);
                return 1;
            }
            PayloadTransport transport = ports.transport(invocation.environment());
            TaskRunner runner =
                    new TaskRunner(taskName(invocation, className), task, transport, ports.clock());
            return runner.runBatch(url.get(), urlOut, printStream(invocation.log()));
        };
    }

    private static String taskName(TaskInvocation invocation, String className) {
        String name = invocation.environment().get("CIRRUS_TASK_NAME");
        return name != null ? name : className.substring(className.lastIndexOf('.') + 1);
    }

    /** {@code run <function> <url>}: a project Lambda function as a Batch job. */
    static ContainerTask runLambda(LocalModel model, FunctionInvoker functions, EnginePorts ports) {
        return invocation -> {
            List<String> args = invocation.command();
            int at = args.indexOf("run");
            if (at < 0 || at + 2 >= args.size()) {
                invocation
                        .log()
                        .println(
                                "InvalidInput: expected the command run <function> <url>, got "
                                        + args);
                return 1;
            }
            String functionRef = args.get(at + 1);
            String url = args.get(at + 2);
            Optional<LocalFunction> function = model.function(functionRef);
            if (function.isEmpty()) {
                invocation
                        .log()
                        .println("Exception: no function " + functionRef + " in the project");
                return 1;
            }
            BlobUrl in = BlobUrl.parse(url);
            JsonNode payload = ports.blobs().getJson(in);
            LambdaResult result = functions.invoke(function.get(), payload);
            if (result instanceof LambdaResult.Failed f) {
                invocation
                        .log()
                        .println(
                                f.error().errorType()
                                        + ": "
                                        + f.error().errorMessage().replace('\n', ' '));
                return 1;
            }
            BlobUrl out = BlobUrl.parse(url.replace(".json", "_out.json"));
            ports.blobs().putJson(out, ((LambdaResult.Returned) result).value());
            invocation.log().println("run: wrote " + out);
            return 0;
        };
    }

    private static PrintStream printStream(PrintWriter log) {
        return new PrintStream(
                new java.io.OutputStream() {
                    private final java.io.ByteArrayOutputStream line =
                            new java.io.ByteArrayOutputStream();

                    @Override
                    public void write(int b) {
                        if (b == '\n') {
                            log.println(line.toString(StandardCharsets.UTF_8));
                            line.reset();
                        } else {
                            line.write(b);
                        }
                    }

                    @Override
                    public void flush() {
                        if (line.size() > 0) {
                            log.println(line.toString(StandardCharsets.UTF_8));
                            line.reset();
                        }
                        log.flush();
                    }
                },
                true,
                StandardCharsets.UTF_8);
    }
}
