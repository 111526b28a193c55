package cirrus.local.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import cirrus.local.model.LocalFunction;
import cirrus.runtime.builtin.TaskError;
import cirrus.runtime.payload.ProcessPayload;
import cirrus.runtime.task.Task;
import cirrus.runtime.task.TaskContext;

class JavaInvokerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Stands in for com.amazonaws.services.lambda.runtime.Context. */
    public interface FakeContext {
        String getAwsRequestId();

        String getFunctionName();

        int getRemainingTimeInMillis();
    }

    public static final class MapHandler {
        public Map<String, Object> handleRequest(Map<String, Object> event, FakeContext context) {
            return Map.of(
                    "got", event.get("x"),
                    "function", context.getFunctionName(),
                    "hasRequestId", !context.getAwsRequestId().isEmpty(),
                    "remaining", context.getRemainingTimeInMillis() > 0);
        }
    }

    public static final class StreamHandler {
        public void handle(InputStream in, OutputStream out, FakeContext context)
                throws IOException {
            JsonNode event = JSON.readTree(in);
            out.write(("{\"echo\":" + event + "}").getBytes(StandardCharsets.UTF_8));
        }
    }

    public static final class Failing {
        public JsonNode handleRequest(JsonNode event) {
            if (event.has("typed")) {
                throw new TaskError("InvalidInput", "typed failure");
            }
            throw new IllegalStateException("boom");
        }
    }

    public static final class Sleeper {
        public JsonNode handleRequest(JsonNode event) throws InterruptedException {
            Thread.sleep(60_000);
            return event;
        }
    }

    public static final class UpperTask implements Task {
        @Override
        public ProcessPayload process(ProcessPayload payload, TaskContext context) {
            return payload;
        }
    }

    @TempDir Path dir;
    private final List<String> logged = new ArrayList<>();
    private JavaInvoker invoker;

    @AfterEach
    void close() {
        if (invoker != null) {
            invoker.close();
        }
    }

    private static LocalFunction function(String handler, Duration timeout) {
        return new LocalFunction(
                "fn",
                "proj-dev-fn",
                "arn:aws:lambda:us-west-2:000000000000:function:proj-dev-fn",
                Optional.of(handler),
                "java17",
                Map.of(),
                timeout,
                128,
                Optional.empty(),
                Optional.empty());
    }

    private LambdaResult invoke(String handler, String event, ClassLoader classes)
            throws IOException {
        return invoke(function(handler, Duration.ofSeconds(10)), event, classes);
    }

    private LambdaResult invoke(LocalFunction f, String event, ClassLoader classes)
            throws IOException {
        JavaHandlers handlers =
                new JavaHandlers(
                        Map.of(
                                "cirrus.aws.handler.PublishHandler",
                                fn ->
                                        (e, c) ->
                                                JsonNodeFactory.instance
                                                        .objectNode()
                                                        .put("builtin", fn.key())),
                        (fn, task) ->
                                (e, c) ->
                                        JsonNodeFactory.instance
                                                .objectNode()
                                                .put("task", task.getClass().getSimpleName()),
                        classes);
        invoker = new JavaInvoker(handlers, (g, s, lines) -> logged.addAll(lines));
        return invoker.invoke(f, JSON.readTree(event));
    }

    private LambdaResult invoke(String handler, String event) throws IOException {
        return invoke(handler, event, getClass().getClassLoader());
    }

    private static JsonNode value(LambdaResult r) {
        assertThat(r).isInstanceOf(LambdaResult.Returned.class);
        return ((LambdaResult.Returned) r).value();
    }

    private static LambdaError error(LambdaResult r) {
        assertThat(r).isInstanceOf(LambdaResult.Failed.class);
        return ((LambdaResult.Failed) r).error();
    }

    @Test
    void builtinsAreBoundByHandlerClass() throws IOException {
        assertThat(
                        value(invoke("cirrus.aws.handler.PublishHandler::handleRequest", "{}"))
                                .path("builtin")
                                .asText())
                .isEqualTo("fn");
        assertThat(logged).anySatisfy(l -> assertThat(l).startsWith("REPORT RequestId: "));
    }

    @Test
    void taskClassesRunThroughTheTaskBinding() throws IOException {
        assertThat(value(invoke(UpperTask.class.getName(), "{}")).path("task").asText())
                .isEqualTo("UpperTask");
    }

    @Test
    void theAwsTaskHandlerRunsTheTaskClassOfItsEnvironmentAsOnAws() throws IOException {
        String handler = "cirrus.aws.handler.TaskHandler::handleRequest";
        LocalFunction configured =
                withEnvironment(handler, Map.of("CIRRUS_TASK_CLASS", UpperTask.class.getName()));
        assertThat(
                        value(invoke(configured, "{}", getClass().getClassLoader()))
                                .path("task")
                                .asText())
                .isEqualTo("UpperTask");
        assertThat(
                        error(
                                        invoke(
                                                withEnvironment(handler, Map.of()),
                                                "{}",
                                                getClass().getClassLoader()))
                                .errorMessage())
                .contains("CIRRUS_TASK_CLASS is not set in the function's environment");
        LocalFunction missing =
                withEnvironment(handler, Map.of("CIRRUS_TASK_CLASS", "no.such.Task"));
        assertThat(error(invoke(missing, "{}", getClass().getClassLoader())).errorMessage())
                .contains(
                        "CIRRUS_TASK_CLASS names no.such.Task, which is not found (add its jar to custom.local.javaClasspath)");
        LocalFunction notATask =
                withEnvironment(handler, Map.of("CIRRUS_TASK_CLASS", MapHandler.class.getName()));
        assertThat(error(invoke(notATask, "{}", getClass().getClassLoader())).errorMessage())
                .contains("which is not a cirrus.runtime.task.Task");
    }

    private static LocalFunction withEnvironment(String handler, Map<String, String> environment) {
        LocalFunction f = function(handler, Duration.ofSeconds(10));
        return new LocalFunction(
                f.key(),
                f.name(),
                f.arn(),
                f.handler(),
                f.runtime(),
                environment,
                f.timeout(),
                f.memorySize(),
                f.image(),
                f.codeDirectory());
    }

    @Test
    void handlerMethodsTakeMapsAndAContextProxy() throws IOException {
        JsonNode v = value(invoke(MapHandler.class.getName() + "::handleRequest", "{\"x\": 42}"));
        assertThat(v.path("got").asInt()).isEqualTo(42);
        assertThat(v.path("function").asText()).isEqualTo("proj-dev-fn");
        assertThat(v.path("hasRequestId").asBoolean()).isTrue();
        assertThat(v.path("remaining").asBoolean()).isTrue();
    }

    @Test
    void streamHandlersReadAndWriteJson() throws IOException {
        assertThat(value(invoke(StreamHandler.class.getName() + "::handle", "[1,2]")).toString())
                .isEqualTo("{\"echo\":[1,2]}");
    }

    @Test
    void exceptionsBecomeLambdaErrorsNamedLikeTheTaskRunnerNamesThem() throws IOException {
        assertThat(error(invoke(Failing.class.getName(), "{}")))
                .satisfies(e -> assertThat(e.errorType()).isEqualTo("IllegalStateException"))
                .satisfies(e -> assertThat(e.errorMessage()).isEqualTo("boom"))
                .satisfies(e -> assertThat(e.stackTrace()).isNotEmpty());
        assertThat(error(invoke(Failing.class.getName(), "{\"typed\": 1}")).errorType())
                .isEqualTo("InvalidInput");
    }

    @Test
    void aHandlerPastItsTimeoutFailsWithSandboxTimedout() throws IOException {
        LambdaError e =
                error(
                        invoke(
                                function(Sleeper.class.getName(), Duration.ofMillis(300)),
                                "{}",
                                getClass().getClassLoader()));
        assertThat(e.errorType()).isEqualTo(LambdaError.TIMEOUT);
        assertThat(e.errorMessage()).endsWith("Task timed out after 0.30 seconds");
    }

    @Test
    void missingClassesAndMethodsAreInitErrors() throws IOException {
        assertThat(error(invoke("com.example.Nope::handleRequest", "{}")))
                .satisfies(e -> assertThat(e.errorType()).isEqualTo(LambdaError.IMPORT))
                .satisfies(
                        e -> assertThat(e.errorMessage()).contains("custom.local.javaClasspath"));
        assertThat(error(invoke(MapHandler.class.getName() + "::nothing", "{}")).errorType())
                .isEqualTo(LambdaError.HANDLER_NOT_FOUND);
    }

    @Test
    void userClassesLoadFromTheProjectClasspath() throws IOException {
        Path src = Files.createDirectories(dir.resolve("src/com/example"));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Files.writeString(
                src.resolve("Shout.java"),
                """
                package com.example;
                import java.util.Map;
                public class Shout {
                    public String handleRequest(Map<String, String> event) {
                        return event.get("say").toUpperCase();
                    }
                }
                """);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(
                        javac.run(
                                null,
                                null,
                                null,
                                "-d",
                                classes.toString(),
                                src.resolve("Shout.java").toString()))
                .isZero();

        try (URLClassLoader loader =
                new URLClassLoader(
                        new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            assertThat(
                            value(
                                            invoke(
                                                    "com.example.Shout::handleRequest",
                                                    "{\"say\": \"hi\"}",
                                                    loader))
                                    .asText())
                    .isEqualTo("HI");
        }
    }
}
