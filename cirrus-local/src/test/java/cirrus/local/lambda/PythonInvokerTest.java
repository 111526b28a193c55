package cirrus.local.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cirrus.local.model.LocalFunction;

class PythonInvokerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;
    private final List<String> logged = new ArrayList<>();

    @BeforeAll
    static void python3IsInstalled() {
        boolean present;
        try {
            present = new ProcessBuilder("python3", "--version").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            present = false;
        }
        assumeTrue(
                present || System.getenv("CI") != null,
                "python3 is not installed: skipping the Python Lambda runner tests");
    }

    private LocalFunction function(String code, Duration timeout) throws IOException {
        Path codeDir = Files.createDirectories(dir.resolve("lambdas/fn"));
        Files.writeString(codeDir.resolve("lambda_function.py"), code);
        return new LocalFunction(
                "fn",
                "proj-dev-fn",
                "arn:aws:lambda:eu-west-1:000000000000:function:proj-dev-fn",
                Optional.of("lambda_function.lambda_handler"),
                "python3.9",
                Map.of("CIRRUS_DATA_BUCKET", "proj-dev-data"),
                timeout,
                256,
                Optional.empty(),
                Optional.of(codeDir));
    }

    private LambdaResult invoke(String code, String event) throws IOException {
        return invoke(function(code, Duration.ofSeconds(20)), event);
    }

    private LambdaResult invoke(LocalFunction f, String event) throws IOException {
        PythonInvoker invoker =
                new PythonInvoker(
                        "python3", dir.resolve("work"), (g, s, lines) -> logged.addAll(lines));
        return invoker.invoke(f, JSON.readTree(event));
    }

    @Test
    void theHandlerGetsTheEventTheEnvironmentAndAContext() throws IOException {
        LambdaResult result =
                invoke(
                        """
                        import os
                        def lambda_handler(event, context):
                            print("processing", event["id"])
                            return {
                                "id": event["id"],
                                "bucket": os.environ["CIRRUS_DATA_BUCKET"],
                                "region": os.environ["AWS_REGION"],
                                "name": context.function_name,
                                "arn": context.invoked_function_arn,
                                "memory": context.memory_limit_in_mb,
                                "remaining": context.get_remaining_time_in_millis() > 0,
                                "key": os.environ["AWS_ACCESS_KEY_ID"],
                            }
                        """,
                        "{\"id\": \"x/workflow-y/z\"}");

        assertThat(result).isInstanceOf(LambdaResult.Returned.class);
        JsonNode value = ((LambdaResult.Returned) result).value();
        assertThat(value.path("id").asText()).isEqualTo("x/workflow-y/z");
        assertThat(value.path("bucket").asText()).isEqualTo("proj-dev-data");
        assertThat(value.path("region").asText()).isEqualTo("eu-west-1");
        assertThat(value.path("name").asText()).isEqualTo("proj-dev-fn");
        assertThat(value.path("arn").asText()).endsWith(":function:proj-dev-fn");
        assertThat(value.path("memory").asInt()).isEqualTo(256);
        assertThat(value.path("remaining").asBoolean()).isTrue();
        assertThat(value.path("key").asText())
                .as("never the caller's AWS credentials")
                .isEqualTo("cirrus-local");
        assertThat(logged)
                .as("prints go to the log, not into the result")
                .contains("processing x/workflow-y/z");
        assertThat(logged.get(0)).startsWith("START RequestId: ");
        assertThat(logged.get(logged.size() - 1)).startsWith("REPORT RequestId: ");
    }

    @Test
    void anExceptionBecomesTheErrorTypeAndMessage() throws IOException {
        LambdaResult result =
                invoke(
                        """
                        class InvalidInput(Exception):
                            pass
                        def lambda_handler(event, context):
                            raise InvalidInput("no assets in " + event["id"])
                        """,
                        "{\"id\": \"a\"}");

        LambdaError error = ((LambdaResult.Failed) result).error();
        assertThat(error.errorType()).isEqualTo("InvalidInput");
        assertThat(error.errorMessage()).isEqualTo("no assets in a");
        assertThat(error.stackTrace()).isNotEmpty();
        assertThat(error.cause().path("errorType").asText()).isEqualTo("InvalidInput");
    }

    @Test
    void importAndHandlerErrorsAreReportedLikeLambda() throws IOException {
        LambdaError importError =
                ((LambdaResult.Failed) invoke("import no_such_module_xyz\n", "{}")).error();
        assertThat(importError.errorType()).isEqualTo(LambdaError.IMPORT);
        assertThat(importError.errorMessage())
                .isEqualTo(
                        "Unable to import module 'lambda_function': No module named 'no_such_module_xyz'");

        LambdaError missing =
                ((LambdaResult.Failed) invoke("def other(e, c):\n  pass\n", "{}")).error();
        assertThat(missing.errorType()).isEqualTo(LambdaError.HANDLER_NOT_FOUND);
        assertThat(missing.errorMessage())
                .isEqualTo("Handler 'lambda_handler' missing on module 'lambda_function'");
    }

    @Test
    void aCrashIsARuntimeExitError() throws IOException {
        LambdaError error =
                ((LambdaResult.Failed)
                                invoke(
                                        """
                                        import os, sys
                                        def lambda_handler(event, context):
                                            print("about to die", file=sys.stderr)
                                            os._exit(7)
                                        """,
                                        "{}"))
                        .error();
        assertThat(error.errorType()).isEqualTo(LambdaError.EXIT);
        assertThat(error.errorMessage())
                .contains("Runtime exited with error: exit status 7")
                .contains("about to die");
    }

    @Test
    void aHandlerRunningPastItsTimeoutIsKilled() throws IOException {
        LocalFunction f =
                function(
                        """
                        import time
                        def lambda_handler(event, context):
                            time.sleep(60)
                        """,
                        Duration.ofSeconds(1));
        long start = System.nanoTime();
        LambdaError error = ((LambdaResult.Failed) invoke(f, "{}")).error();

        assertThat(error.errorType()).isEqualTo(LambdaError.TIMEOUT);
        assertThat(error.errorMessage()).endsWith("Error: Task timed out after 1.00 seconds");
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .as("bounded wait, not the handler's 60 s")
                .isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void aResultThatIsNotJsonIsAMarshalError() throws IOException {
        LambdaError error =
                ((LambdaResult.Failed) invoke("def lambda_handler(e, c):\n  return {1, 2}\n", "{}"))
                        .error();
        assertThat(error.errorType()).isEqualTo(LambdaError.MARSHAL);
    }

    @Test
    void aMissingInterpreterIsAnInvalidRuntime() throws IOException {
        PythonInvoker invoker =
                new PythonInvoker("no-such-python-xyz", dir.resolve("work"), LogSink.NONE);
        LambdaError error =
                ((LambdaResult.Failed)
                                invoker.invoke(
                                        function(
                                                "def lambda_handler(e, c): pass\n",
                                                Duration.ofSeconds(5)),
                                        JSON.readTree("{}")))
                        .error();
        assertThat(error.errorType()).isEqualTo(LambdaError.INVALID_RUNTIME);
        assertThat(error.errorMessage())
                .contains("no-such-python-xyz")
                .contains("custom.local.python");
    }
}
