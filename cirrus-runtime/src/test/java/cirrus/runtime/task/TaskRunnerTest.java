package cirrus.runtime.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import cirrus.runtime.Fixtures;
import cirrus.runtime.builtin.PostBatchTask;
import cirrus.runtime.builtin.TaskError;
import cirrus.runtime.json.Json;
import cirrus.runtime.payload.PayloadTransport;
import cirrus.runtime.payload.SizeLimit;
import cirrus.runtime.port.BlobUrl;
import cirrus.runtime.testing.MemoryBlobStore;
import cirrus.runtime.testing.MemoryLogs;

class TaskRunnerTest {
    private final MemoryBlobStore blobs = new MemoryBlobStore();
    private final PayloadTransport transport =
            new PayloadTransport(blobs, "payloads", SizeLimit.DEFAULT);

    /** A task that tags every item with its configured value. */
    private static final Task TAG =
            (payload, context) -> {
                List<ObjectNode> items = payload.features();
                items.forEach(
                        i ->
                                i.withObjectProperty("properties")
                                        .put("tag", context.config().path("value").asText("none")));
                return payload.withFeatures(items);
            };

    private TaskRunner runner(Task task) {
        return new TaskRunner("tag", task, transport, Clock.systemUTC());
    }

    @Test
    void aLambdaStepGetsTheTaskConfigAndReturnsTheNewPayload() {
        ObjectNode payload = Fixtures.testPayload();
        ((ObjectNode) payload.at("/process/tasks")).putObject("tag").put("value", "v1");
        var out = runner(TAG).handle(payload);
        assertThat(out.at("/features/0/properties/tag").asText()).isEqualTo("v1");
    }

    @Test
    void invalidInputBecomesAnInvalidInputError() {
        Task invalid =
                (p, c) -> {
                    throw new InvalidInput("no assets to process");
                };
        assertThatThrownBy(() -> runner(invalid).handle(Fixtures.testPayload()))
                .isInstanceOfSatisfying(
                        TaskError.class, e -> assertThat(e.errorType()).isEqualTo("InvalidInput"))
                .hasMessage("no assets to process");
        assertThatThrownBy(() -> runner(TAG).handle(Json.parse("{}")))
                .isInstanceOfSatisfying(
                        TaskError.class, e -> assertThat(e.errorType()).isEqualTo("InvalidInput"));
    }

    @Test
    void aBatchJobReadsUrlAndWritesUrlOut() {
        BlobUrl in = BlobUrl.parse("s3://payloads/batch/p/1.json");
        blobs.putJson(in, Fixtures.testPayload());
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        int code =
                runner(TAG)
                        .runBatch(
                                in.toString(),
                                Optional.empty(),
                                new PrintStream(log, true, StandardCharsets.UTF_8));
        assertThat(code).isZero();
        assertThat(
                        blobs.getJson(BlobUrl.parse("s3://payloads/batch/p/1_out.json"))
                                .at("/features/0/properties/tag")
                                .asText())
                .isEqualTo("none");
    }

    @Test
    void aFailedBatchJobEndsItsLogWithTheLinePostBatchParses() {
        BlobUrl in = BlobUrl.parse("s3://payloads/batch/p/2.json");
        blobs.putJson(in, Fixtures.testPayload());
        Task invalid =
                (p, c) -> {
                    throw new InvalidInput("bad\nitem");
                };
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        int code =
                runner(invalid)
                        .runBatch(
                                in.toString(),
                                Optional.of("s3://payloads/out.json"),
                                new PrintStream(log, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(1);
        List<String> lines = log.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(lines.size() - 1)).isEqualTo("InvalidInput: bad item");

        MemoryLogs logs = new MemoryLogs();
        logs.write("/aws/batch/job", "s", lines);
        var event =
                Json.parse(
                        "{\"error\": {\"Cause\": \"{\\\"Attempts\\\": [{\\\"Container\\\": {\\\"LogStreamName\\\": \\\"s\\\"}}]}\"}}");
        assertThatThrownBy(() -> new PostBatchTask(transport, logs).handle(event))
                .isInstanceOfSatisfying(
                        TaskError.class, e -> assertThat(e.errorType()).isEqualTo("InvalidInput"));
        assertThat(blobs.exists(BlobUrl.parse("s3://payloads/out.json"))).isFalse();
    }

    @Test
    void otherExceptionsAreNamedByTheirClass() {
        assertThat(TaskRunner.errorLine(new IllegalStateException("x")))
                .isEqualTo("IllegalStateException: x");
    }
}
