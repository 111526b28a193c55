package cirrus.aws;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import software.amazon.awssdk.services.sqs.model.Message;

import cirrus.aws.moto.LambdaEvents;
import cirrus.aws.moto.MotoDeployment;
import cirrus.aws.moto.MotoExtension;
import cirrus.aws.moto.MotoPorts;
import cirrus.aws.moto.MotoServer;
import cirrus.runtime.json.Json;
import cirrus.runtime.payload.PayloadId;
import cirrus.runtime.port.WorkflowState;

/**
 * The shaded {@code cirrus-aws-lambda.jar} as Lambda and Batch run it: each handler in a fresh JVM
 * ({@code InvokeHandler}, one invocation, like a cold start) and the Batch runner with {@code java
 * -cp}, against moto, with only environment variables for configuration. Prints the wall time of
 * each cold invocation.
 */
@ExtendWith(MotoExtension.class)
class LambdaJarIT {
    private static final Path JAR = Path.of("target", "cirrus-aws-lambda.jar");
    private static final String PASS =
            "{\"StartAt\": \"Run\", \"States\": {\"Run\": {\"Type\": \"Pass\", \"End\": true}}}";

    private MotoDeployment aws;
    private MotoServer moto;

    @BeforeEach
    void deploy(MotoServer moto) {
        assertThat(JAR).as("run after mvn package").exists();
        this.moto = moto;
        aws = new MotoDeployment(moto);
        aws.createWorkflow("wf-a", PASS);
    }

    @AfterEach
    void close() {
        aws.close();
    }

    private record Result(int exit, String stdout, long millis) {
        JsonNode json() {
            return Json.parse(stdout.strip());
        }
    }

    private Result java(List<String> args, String stdin, Map<String, String> extraEnv)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        command.addAll(args);
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin"));
        builder.environment().putAll(aws.environment());
        builder.environment().putAll(extraEnv);
        long start = System.nanoTime();
        Process p = builder.start();
        p.getOutputStream().write(stdin.getBytes(UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new Result(p.exitValue(), out, millis);
    }

    private Result invoke(String handler, JsonNode event) throws Exception {
        Result r =
                java(
                        List.of("-cp", JAR.toString(), "cirrus.aws.runner.InvokeHandler", handler),
                        Json.write(event),
                        Map.of());
        System.out.printf(
                "cold invocation of %s: %d ms (exit %d)%n", handler, r.millis(), r.exit());
        return r;
    }

    private static ObjectNode payload(String taskConfig) {
        return (ObjectNode)
                Json.parse(
                        "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\","
                                + " \"stac_version\": \"1.0.0\", \"id\": \"item-1\", \"collection\":"
                                + " \"col-a\", \"bbox\": [1, 2, 3, 4], \"properties\": {\"datetime\":"
                                + " \"2020-07-01T00:00:00Z\"}, \"links\": [], \"assets\": {}}],"
                                + " \"process\": {\"workflow\": \"wf-a\", \"upload_options\":"
                                + " {\"path_template\": \"${collection}/${id}\"}, \"tasks\":"
                                + " {\"mark\": "
                                + taskConfig
                                + ", \"publish\": {}}}}");
    }

    @Test
    void processAndUpdateStateRunFromTheJarInFreshJvms() throws Exception {
        aws.clients()
                .sqs()
                .sendMessage(
                        r ->
                                r.queueUrl(aws.processQueueUrl)
                                        .messageBody(Json.write(payload("{}"))));
        List<Message> messages = aws.drain(aws.processQueueUrl);
        Result started = invoke("ProcessHandler", LambdaEvents.sqs(messages, aws.processQueueArn));
        assertThat(started.exit()).isZero();
        assertThat(started.json().path("batchItemFailures")).isEmpty();

        PayloadId id = PayloadId.parse("col-a/workflow-wf-a/item-1");
        try (var deployment = aws.deployment()) {
            String arn = deployment.states().get(id).orElseThrow().lastExecution().orElseThrow();
            var done = aws.awaitExecution(arn);
            Result updated = invoke("UpdateStateHandler", LambdaEvents.statusChange(done, true));
            assertThat(updated.exit()).isZero();
            assertThat(deployment.states().state(id)).hasValue(WorkflowState.COMPLETED);
        }

        Result api =
                invoke(
                        "ApiHandler",
                        Json.parse("{\"path\": \"/col-a/workflow-wf-a\", \"requestContext\": {}}"));
        assertThat(api.exit()).isZero();
        assertThat(Json.parse(api.json().path("body").asText()).at("/counts/COMPLETED").asInt())
                .isEqualTo(1);
    }

    @Test
    void aBatchStepRunsThroughTheJarAndFailuresKeepTheirErrorName() throws Exception {
        ObjectNode input = payload("{}");
        input.put("id", "col-a/workflow-wf-a/item-1");
        Result pre = invoke("PreBatchHandler", input);
        assertThat(pre.exit()).isZero();
        String url = pre.json().path("url").asText();
        String urlOut = pre.json().path("url_out").asText();

        String classpath = JAR + java.io.File.pathSeparator + Path.of("target", "test-classes");
        Result job =
                java(
                        List.of(
                                "-cp",
                                classpath,
                                "cirrus.aws.runner.BatchRunner",
                                "process",
                                url,
                                "--output",
                                urlOut),
                        "",
                        Map.of(
                                "CIRRUS_TASK_CLASS", "cirrus.aws.runner.MarkProcessedTask",
                                "CIRRUS_TASK_NAME", "mark"));
        System.out.printf("cold Batch runner: %d ms (exit %d)%n", job.millis(), job.exit());
        assertThat(job.exit()).isZero();

        ObjectNode jobResult = Json.MAPPER.createObjectNode();
        jobResult.putObject("Parameters").put("url", url).put("url_out", urlOut);
        Result post = invoke("PostBatchHandler", jobResult);
        assertThat(post.exit()).isZero();
        assertThat(post.json().at("/features/0/properties/processed_by").asText())
                .isEqualTo("mark");

        // the data bucket is reached with its own credentials secret
        aws.clients()
                .secrets()
                .createSecret(
                        r ->
                                r.name("cirrus-creds-" + MotoDeployment.DATA)
                                        .secretString(
                                                "{\"aws_access_key_id\": \"test\","
                                                        + " \"aws_secret_access_key\": \"test\"}"));
        try (var deployment = aws.deployment()) {
            deployment
                    .states()
                    .setProcessing(PayloadId.parse("col-a/workflow-wf-a/item-1"), "arn:x");
        }
        Result publish = invoke("PublishHandler", post.json());
        assertThat(publish.exit()).isZero();
        assertThat(aws.published("publish")).hasSize(1);

        ObjectNode failed = Json.MAPPER.createObjectNode();
        ObjectNode cause = Json.MAPPER.createObjectNode();
        cause.putArray("Attempts")
                .addObject()
                .putObject("Container")
                .put("LogStreamName", "mark/default/1");
        failed.putObject("error").put("Error", "States.TaskFailed").put("Cause", Json.write(cause));
        new MotoPorts(moto)
                .writeLog("/aws/batch/job", "mark/default/1", List.of("InvalidInput: no assets"));
        Result postFailed = invoke("PostBatchHandler", failed);
        assertThat(postFailed.exit()).isEqualTo(1);
        assertThat(postFailed.json().path("errorType").asText()).isEqualTo("InvalidInput");
        assertThat(postFailed.json().path("errorMessage").asText()).isEqualTo("no assets");

        Result feed =
                invoke(
                        "FeedRerunHandler",
                        Json.parse("{\"collections\": \"col-a\", \"workflow\": \"wf-a\"}"));
        assertThat(feed.exit()).isZero();
        assertThat(feed.json().path("found").asInt()).isEqualTo(1);
    }

    @Test
    void theJarIsExecutableAsTheBatchRunner() throws Exception {
        Result usage = java(List.of("-jar", JAR.toString()), "", Map.of());
        assertThat(usage.exit()).isEqualTo(2);
        assertThat(usage.stdout()).startsWith("usage: BatchRunner process <url>");
        System.out.printf("lambda jar size: %d bytes%n", Files.size(JAR));
    }
}
