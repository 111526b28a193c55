package cirrus.runtime.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cirrus.runtime.Fixtures;
import cirrus.runtime.json.Json;
import cirrus.runtime.payload.PayloadTransport;
import cirrus.runtime.payload.SizeLimit;
import cirrus.runtime.port.BlobUrl;
import cirrus.runtime.testing.MemoryBlobStore;
import cirrus.runtime.testing.MemoryLogs;

/** Port of upstream {@code tests/builtins/tasks/test_post_batch.py} (the six error messages). */
class PostBatchTaskTest {
    private final MemoryBlobStore blobs = new MemoryBlobStore();
    private final MemoryLogs logs = new MemoryLogs();
    private final PostBatchTask task =
            new PostBatchTask(new PayloadTransport(blobs, "payloads", SizeLimit.DEFAULT), logs);

    private static JsonNode error(String cause) {
        ObjectNode event = Json.MAPPER.createObjectNode();
        ObjectNode error = event.putObject("error");
        error.put("Error", "States.TaskFailed");
        if (cause != null) {
            error.put("Cause", cause);
        }
        return event;
    }

    private void assertFails(JsonNode event, String message) {
        assertThatThrownBy(() -> task.handle(event))
                .isInstanceOfSatisfying(
                        TaskError.class, e -> assertThat(e.errorType()).isEqualTo("Exception"))
                .hasMessage(message);
    }

    @Test
    void anEmptyEventFails() {
        assertThatThrownBy(() -> task.handle(Json.parse("{}")))
                .isInstanceOf(RuntimeException.class);
    }

    @Test
    void errorsWithoutUsableLogsHaveTheCirrusMessages() {
        assertFails(error(null), "Unable to get error log: Cause is not defined");
        assertFails(error("{}"), "Unable to get error log: Attempts is empty");
        assertFails(error("{\"Attempts\": []}"), "Unable to get error log: Attempts is empty");
        assertFails(
                error("{\"Attempts\": [{}]}"),
                "Unable to get error log: Container for last Attempt is missing");
        assertFails(
                error("{\"Attempts\": [{\"Container\": {}}]}"),
                "Unable to get error log: LogStreamName for last Attempt is missing");
        assertFails(
                error("{\"Attempts\": [{\"Container\": {\"LogStreamName\": \"\"}}]}"),
                "Unable to get error log: LogStreamName for last Attempt is missing");
        assertFails(
                error("{\"Attempts\": [{\"Container\": {\"LogStreamName\": \"nope\"}}]}"),
                "Unable to get error log, container likely never ran. Container Reason: None; Status Reason: None");
        assertFails(
                error(
                        "{\"Attempts\": [{\"Container\": {\"LogStreamName\": \"nope\", \"Reason\": \"OOM\"},"
                                + " \"StatusReason\": \"Essential container exited\"}]}"),
                "Unable to get error log, container likely never ran. Container Reason: OOM;"
                        + " Status Reason: Essential container exited");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiterString = "=>",
            value = {
                "InvalidInput: no assets                              => InvalidInput => no assets",
                "cirrus.lib.errors.InvalidInput: no assets           => InvalidInput => no assets",
                "cirruslib.errors.InvalidInput: x                     => InvalidInput => x",
                "stactask.exceptions.InvalidInput: bad               => stactask.exceptions.InvalidInput => bad",
                "Segmentation fault                                    => UnknownError => Segmentation fault",
            })
    void theLastLogLineGivesTheErrorTypeAndMessage(String line, String type, String message) {
        logs.write("/aws/batch/job", "job/default/1", List.of("starting", line));
        JsonNode event =
                error("{\"Attempts\": [{\"Container\": {\"LogStreamName\": \"job/default/1\"}}]}");
        assertThatThrownBy(() -> task.handle(event))
                .isInstanceOfSatisfying(
                        TaskError.class, e -> assertThat(e.errorType()).isEqualTo(type))
                .hasMessage(message);
    }

    @Test
    void withoutErrorTheJobOutputIsReadFromUrlOut() {
        blobs.putJson(BlobUrl.parse("s3://payloads/batch/x_out.json"), Fixtures.testPayload());
        JsonNode out =
                task.handle(
                        Json.parse(
                                "{\"Parameters\": {\"url\": \"s3://payloads/batch/x.json\", \"url_out\": \"s3://payloads/batch/x_out.json\"}}"));
        assertThat(out.path("id").asText())
                .isEqualTo("sentinel-s2-l2a/workflow-cog-archive/S2B_17HQD_20201103_0_L2A");
    }
}
