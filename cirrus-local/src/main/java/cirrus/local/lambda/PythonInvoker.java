package cirrus.local.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cirrus.local.model.LocalFunction;

/**
 * Runs Python handlers the way the Lambda Python runtime does, one {@code python3} subprocess per
 * invocation: a small bootstrap imports {@code module.function} from the function's code directory
 * ({@code .cirrus/build/lambdas/<name>}), passes the event (read from stdin) and a context object,
 * and writes the result (or the exception as {@code errorType}/{@code errorMessage}) to stdout.
 * What the handler prints goes to the invocation's log. The subprocess gets the function's
 * environment plus the Lambda variables ({@code AWS_REGION}, {@code AWS_LAMBDA_FUNCTION_NAME}, ...)
 * and fake AWS credentials, so that a stray AWS call can never reach a real account; it is killed
 * at the function's timeout.
 */
public final class PythonInvoker implements FunctionInvoker {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ERROR_EXIT = 3;
    private static final List<String> PASS_THROUGH =
            List.of(
                    "PATH",
                    "HOME",
                    "LANG",
                    "LC_ALL",
                    "TMPDIR",
                    "VIRTUAL_ENV",
                    "PYTHONPATH",
                    "SYSTEMROOT");

    private final String python;
    private final Path workDirectory;
    private final Path bootstrap;
    private final LogSink logs;

    /**
     * @param python the interpreter command ({@code custom.local.python}, default {@code python3})
     * @param workDirectory where the bootstrap and temporary files go (created)
     * @param logs where invocation logs go
     */
    public PythonInvoker(String python, Path workDirectory, LogSink logs) {
        this.python = python;
        this.workDirectory = workDirectory;
        this.logs = logs;
        this.bootstrap = installBootstrap(workDirectory);
    }

    private static Path installBootstrap(Path dir) {
        try (InputStream in = PythonInvoker.class.getResourceAsStream("bootstrap.py")) {
            byte[] content = in.readAllBytes();
            Files.createDirectories(dir);
            Path file = dir.resolve("bootstrap.py");
            if (!Files.exists(file) || !Arrays.equals(Files.readAllBytes(file), content)) {
                Path tmp = Files.createTempFile(dir, "bootstrap", ".py");
                Files.write(tmp, content);
                Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install the Python bootstrap in " + dir, e);
        }
    }

    @Override
    public LambdaResult invoke(LocalFunction function, JsonNode event) {
        InvocationLog log = InvocationLog.start(logs, function);
        Optional<String> handler = function.handler();
        Optional<Path> code = function.codeDirectory();
        if (handler.isEmpty() || code.isEmpty()) {
            return log.finish(
                    LambdaResult.failed(
                            LambdaError.of(
                                    LambdaError.HANDLER_NOT_FOUND,
                                    "function "
                                            + function.key()
                                            + " has no "
                                            + (handler.isEmpty() ? "handler" : "code directory")
                                            + " to run locally (run `cirrus build`)")));
        }
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile(workDirectory, "out", ".json");
            err = Files.createTempFile(workDirectory, "err", ".log");
            return log.finish(run(function, handler.get(), code.get(), event, log, out, err));
        } catch (IOException e) {
            return log.finish(
                    LambdaResult.failed(
                            LambdaError.of(
                                    LambdaError.INVALID_RUNTIME,
                                    "cannot run "
                                            + python
                                            + " for "
                                            + function.key()
                                            + ": "
                                            + e.getMessage()
                                            + " (set custom.local.python)")));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return log.finish(
                    LambdaResult.failed(
                            LambdaError.of(LambdaError.EXIT, "invocation interrupted")));
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    private LambdaResult run(
            LocalFunction function,
            String handler,
            Path code,
            JsonNode event,
            InvocationLog log,
            Path out,
            Path err)
            throws IOException, InterruptedException {
        InvocationContext context = log.context();
        ProcessBuilder pb =
                new ProcessBuilder(
                        python,
                        bootstrap.toString(),
                        handler,
                        code.toString(),
                        contextJson(context));
        pb.environment().clear();
        pb.environment().putAll(environment(context));
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process process = pb.start();
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(JSON.writeValueAsBytes(event));
        } catch (IOException e) {
            // the process ended before reading its event; its exit status tells why
        }
        boolean done;
        try {
            done = process.waitFor(function.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            kill(process);
            throw e;
        }
        if (!done) {
            kill(process);
        }
        List<String> stderr = Files.readAllLines(err, StandardCharsets.UTF_8);
        log.addAll(stderr);
        if (!done) {
            return LambdaResult.failed(LambdaError.timeout(function, context.requestId()));
        }
        byte[] result = Files.readAllBytes(out);
        int status = process.exitValue();
        if (status == 0 || status == ERROR_EXIT) {
            try {
                JsonNode value = JSON.readTree(result);
                return status == 0
                        ? LambdaResult.returned(value)
                        : LambdaResult.failed(error(value));
            } catch (IOException e) {
                return LambdaResult.failed(
                        LambdaError.of(LambdaError.MARSHAL, "the handler's result is not JSON"));
            }
        }
        String last =
                stderr.isEmpty() ? "" : " (last output: " + stderr.get(stderr.size() - 1) + ")";
        return LambdaResult.failed(
                LambdaError.of(
                        LambdaError.EXIT,
                        "RequestId: "
                                + context.requestId()
                                + " Error: Runtime exited with error: exit status "
                                + status
                                + last));
    }

    private static void kill(Process process) throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
    }

    private static LambdaError error(JsonNode value) {
        List<String> trace = new java.util.ArrayList<>();
        value.path("stackTrace").forEach(t -> trace.add(t.asText()));
        return new LambdaError(
                value.path("errorType").asText("Exception"),
                value.path("errorMessage").asText(""),
                trace);
    }

    private Map<String, String> environment(InvocationContext context) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String name : PASS_THROUGH) {
            String v = System.getenv(name);
            if (v != null) {
                env.put(name, v);
            }
        }
        LocalFunction f = context.function();
        String region = f.arn().split(":")[3];
        env.put("AWS_REGION", region);
        env.put("AWS_DEFAULT_REGION", region);
        env.put("AWS_ACCESS_KEY_ID", "cirrus-local");
        env.put("AWS_SECRET_ACCESS_KEY", "cirrus-local");
        env.put("AWS_LAMBDA_FUNCTION_NAME", f.name());
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(f.memorySize()));
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", context.logGroup());
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", context.logStream());
        env.put("AWS_EXECUTION_ENV", "AWS_Lambda_" + f.runtime());
        f.codeDirectory().ifPresent(d -> env.put("LAMBDA_TASK_ROOT", d.toString()));
        env.put("PYTHONUNBUFFERED", "1");
        env.putAll(f.environment());
        return env;
    }

    private static String contextJson(InvocationContext c) throws IOException {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("function_name", c.function().name());
        values.put("invoked_function_arn", c.function().arn());
        values.put("memory_limit_in_mb", c.function().memorySize());
        values.put("aws_request_id", c.requestId());
        values.put("log_group_name", c.logGroup());
        values.put("log_stream_name", c.logStream());
        values.put("deadline_ms", c.deadline().toEpochMilli());
        return JSON.writeValueAsString(values);
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a leftover temporary file is harmless
            }
        }
    }
}
