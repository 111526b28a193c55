package cirrus.runtime.builtin;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cirrus.runtime.Fixtures;
import cirrus.runtime.events.WorkflowEvents;
import cirrus.runtime.json.Json;
import cirrus.runtime.payload.PayloadTransport;
import cirrus.runtime.payload.SizeLimit;
import cirrus.runtime.port.BlobStore;
import cirrus.runtime.port.MutableClock;
import cirrus.runtime.port.Queue;
import cirrus.runtime.port.StateStore;
import cirrus.runtime.port.Topic;
import cirrus.runtime.statedb.ConsoleUrls;
import cirrus.runtime.testing.PortFactory;
import cirrus.runtime.testing.RecordingWorkflowStarter;

/**
 * The setting of the upstream builtin tests ({@code tests/builtins/conftest.py}): a payload bucket,
 * a state table, a process queue, a workflow-event topic and one workflow {@code test-workflow1},
 * here on the adapters of {@link #ports(Path)}.
 */
public abstract class BuiltinSpec {
    protected static final String PAYLOAD_BUCKET = "payloads";
    protected static final String WORKFLOW = "test-workflow1";

    @TempDir protected Path dir;

    protected PortFactory ports;
    protected MutableClock clock;
    protected StateStore states;
    protected BlobStore blobs;
    protected Queue processQueue;
    protected Topic eventTopic;
    protected RecordingWorkflowStarter starter;
    protected PayloadTransport transport;
    protected WorkflowEvents events;

    /** The adapters to run on, with their files under {@code dir}. */
    protected abstract PortFactory ports(Path dir) throws Exception;

    @BeforeEach
    void setUpPorts() throws Exception {
        ports = ports(dir);
        clock = MutableClock.fixed();
        states = ports.stateStore(clock);
        blobs = ports.blobStore();
        processQueue = ports.queue("cirrus-test-process");
        eventTopic = ports.topic("cirrus-test-workflow-event");
        starter = new RecordingWorkflowStarter(Set.of(WORKFLOW));
        transport = new PayloadTransport(blobs, PAYLOAD_BUCKET, SizeLimit.DEFAULT);
        events = newEvents();
    }

    @AfterEach
    void closePorts() throws Exception {
        ports.close();
    }

    /** A fresh event recorder (one per handler invocation, like a Lambda invocation). */
    protected WorkflowEvents newEvents() {
        return new WorkflowEvents(
                states, Optional.of(eventTopic), new ConsoleUrls("us-east-1"), clock);
    }

    /** The upstream test payload for {@code test-workflow1}, without id (it is derived). */
    protected static ObjectNode payload() {
        ObjectNode json = Fixtures.testPayload();
        json.remove("id");
        ((ObjectNode) json.get("process")).put("workflow", WORKFLOW);
        return json;
    }

    protected static final String PAYLOAD_ID =
            "sentinel-s2-l2a/workflow-test-workflow1/S2B_17HQD_20201103_0_L2A";

    /** An SQS event with one record per body. */
    protected static ObjectNode sqsEvent(JsonNode... bodies) {
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        ArrayNode records = event.putArray("Records");
        int n = 0;
        for (JsonNode body : bodies) {
            n++;
            ObjectNode record = records.addObject();
            record.put("messageId", "message-" + n);
            record.put("receiptHandle", "receipt-" + n);
            record.put("body", body.isTextual() ? body.textValue() : Json.write(body));
            record.put("eventSource", "aws:sqs");
            record.put("eventSourceARN", "arn:aws:sqs:us-east-1:123456789012:cirrus-test-process");
        }
        return event;
    }

    protected List<String> receiptHandles(List<JsonNode> records) {
        return records.stream().map(r -> r.path("receiptHandle").asText()).toList();
    }
}
