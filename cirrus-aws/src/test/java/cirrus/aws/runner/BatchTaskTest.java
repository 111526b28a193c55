package cirrus.aws.runner;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cirrus.aws.handler.Deployment;
import cirrus.aws.handler.LocalContext;
import cirrus.aws.handler.PostBatchHandler;
import cirrus.aws.handler.PreBatchHandler;
import cirrus.aws.handler.TaskHandler;
import cirrus.aws.moto.MotoDeployment;
import cirrus.aws.moto.MotoExtension;
import cirrus.aws.moto.MotoPorts;
import cirrus.aws.moto.MotoServer;
import cirrus.runtime.json.Json;
import cirrus.runtime.port.BlobUrl;

/**
 * A Java task as a Batch step on moto, the way a cirrus workflow runs it: pre-batch stores the
 * payload and returns {@code url}/{@code url_out}; the runner ({@code process <url> --output
 * <url_out>}) reads, runs the task and writes the output; post-batch reads it back — or, when the
 * job failed, fails with the error type of the job's last log line. The same task class also runs
 * as a Lambda step.
 */
@ExtendWith(MotoExtension.class)
class BatchTaskTest {
    private MotoDeployment aws;
    private Deployment deployment;
    private MotoServer moto;

    @BeforeEach
    void deploy(MotoServer moto) {
        this.moto = moto;
        aws = new MotoDeployment(moto);
        deployment = aws.deployment();
    }

    @AfterEach
    void close() {
        deployment.close();
        aws.close();
    }

    private static ObjectNode payload(String taskConfig) {
        return (ObjectNode)
                Json.parse(
                        "{\"id\": \"col-a/workflow-wf-a/item-1\", \"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\","
                                + " \"id\": \"item-1\", \"collection\": \"col-a\", \"properties\":"
                                + " {\"datetime\": \"2020-07-01T00:00:00Z\"}, \"links\": [],"
                                + " \"assets\": {}}], \"process\": {\"workflow\": \"wf-a\","
                                + " \"upload_options\": {\"path_template\": \"${collection}/${id}\"},"
                                + " \"tasks\": {\"mark\": "
                                + taskConfig
                                + "}}}");
    }

    private record Run(int exitCode, List<String> lines) {}

    private Run runner(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = BatchRunner.run(args, aws.environment(), new PrintStream(bytes, true, UTF_8));
        return new Run(code, Arrays.asList(bytes.toString(UTF_8).split("\n")));
    }

    private JsonNode preBatch(JsonNode payload) {
        return new PreBatchHandler(() -> deployment).handle(payload, LocalContext.of("pre-batch"));
    }

    /** The Batch {@code submitJob.sync} result post-batch gets on success (trimmed). */
    private static ObjectNode jobResult(JsonNode urls) {
        ObjectNode job = JsonNodeFactory.instance.objectNode();
        job.put("JobName", "mark").put("Status", "SUCCEEDED");
        job.putObject("Parameters")
                .put("url", urls.get("url").asText())
                .put("url_out", urls.get("url_out").asText());
        return job;
    }

    /** The Catch output ({@code ResultPath: $.error}) of a failed Batch step. */
    private static ObjectNode jobFailure(String logStream) {
        ObjectNode cause = JsonNodeFactory.instance.objectNode();
        ObjectNode attempt = cause.putArray("Attempts").addObject();
        attempt.putObject("Container").put("LogStreamName", logStream).put("ExitCode", 1);
        attempt.put("StatusReason", "Essential container in task exited");
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.putObject("error").put("Error", "States.TaskFailed").put("Cause", Json.write(cause));
        return event;
    }

    @Test
    void preBatchRunnerAndPostBatchPassThePayloadThroughS3() {
        JsonNode urls = preBatch(payload("{}"));
        String url = urls.get("url").asText();
        assertThat(url)
                .startsWith(
                        "s3://" + MotoDeployment.PAYLOADS + "/batch/col-a/workflow-wf-a/item-1/");
        assertThat(urls.get("url_out").asText()).isEqualTo(url.replace(".json", "_out.json"));

        Run run =
                runner(
                        "process",
                        url,
                        "--output",
                        urls.get("url_out").asText(),
                        "--task",
                        MarkProcessedTask.class.getName(),
                        "--name",
                        "mark");
        assertThat(run.exitCode()).isEqualTo(BatchRunner.OK);
        assertThat(deployment.blobs().exists(BlobUrl.parse(urls.get("url_out").asText()))).isTrue();

        JsonNode output =
                new PostBatchHandler(() -> deployment)
                        .handle(jobResult(urls), LocalContext.of("post-batch"));
        assertThat(output.at("/features/0/properties/processed_by").asText()).isEqualTo("mark");
        assertThat(output.path("id").asText()).isEqualTo("col-a/workflow-wf-a/item-1");
    }

    @Test
    void anInvalidInputInTheJobBecomesAnInvalidInputErrorOfPostBatch() {
        JsonNode urls = preBatch(payload("{\"invalid\": true}"));
        Run run =
                runner(
                        "process",
                        urls.get("url").asText(),
                        "--task",
                        MarkProcessedTask.class.getName(),
                        "--name",
                        "mark");
        assertThat(run.exitCode()).isEqualTo(BatchRunner.TASK_FAILED);
        assertThat(run.lines().get(run.lines().size() - 1))
                .isEqualTo("InvalidInput: no usable assets in col-a/workflow-wf-a/item-1");

        // the awslogs driver ships the job's output to CloudWatch
        String stream = "mark/default/0123456789abcdef";
        new MotoPorts(moto).writeLog("/aws/batch/job", stream, run.lines());
        assertThatThrownBy(
                        () ->
                                new PostBatchHandler(() -> deployment)
                                        .handle(jobFailure(stream), LocalContext.of("post-batch")))
                .hasMessage("no usable assets in col-a/workflow-wf-a/item-1")
                .extracting(e -> e.getClass().getName())
                .isEqualTo("InvalidInput");
    }

    @Test
    void aCrashIsReportedByItsExceptionTypeAndAMissingLogByTheReasons() {
        JsonNode urls = preBatch(payload("{\"crash\": true}"));
        Run run =
                runner(
                        "process",
                        urls.get("url").asText(),
                        "--task",
                        MarkProcessedTask.class.getName(),
                        "--name",
                        "mark");
        assertThat(run.exitCode()).isEqualTo(BatchRunner.TASK_FAILED);
        assertThat(run.lines().get(run.lines().size() - 1))
                .isEqualTo("IllegalStateException: disk full");

        assertThatThrownBy(
                        () ->
                                new PostBatchHandler(() -> deployment)
                                        .handle(
                                                jobFailure("never/written/stream"),
                                                LocalContext.of("post-batch")))
                .hasMessage(
                        "Unable to get error log, container likely never ran. Container Reason:"
                                + " None; Status Reason: Essential container in task exited")
                .extracting(e -> e.getClass().getName())
                .isEqualTo("Exception");
    }

    @Test
    void badUsageExitsWithTwo() {
        assertThat(runner("process").exitCode()).isEqualTo(BatchRunner.USAGE);
        assertThat(runner("run", "s3://x/y.json", "--task", "a.B").exitCode())
                .isEqualTo(BatchRunner.USAGE);
        Run missing = runner("process", "s3://x/y.json", "--task", "no.such.Task");
        assertThat(missing.exitCode()).isEqualTo(BatchRunner.USAGE);
        assertThat(missing.lines()).anyMatch(l -> l.contains("no.such.Task not found"));
    }

    @Test
    void theSameTaskRunsAsALambdaStep() {
        TaskHandler lambda = new TaskHandler("mark", new MarkProcessedTask(), () -> deployment);
        JsonNode out = lambda.handle(payload("{}"), LocalContext.of("mark"));
        assertThat(out.at("/features/0/properties/processed_by").asText()).isEqualTo("mark");
        assertThatThrownBy(
                        () ->
                                lambda.handle(
                                        payload("{\"invalid\": true}"), LocalContext.of("mark")))
                .extracting(e -> e.getClass().getName())
                .isEqualTo("InvalidInput");
    }
}
