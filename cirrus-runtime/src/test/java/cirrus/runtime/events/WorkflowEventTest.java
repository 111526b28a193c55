package cirrus.runtime.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import cirrus.runtime.port.TopicMessage;
import cirrus.runtime.statedb.ConsoleUrls;

class WorkflowEventTest {
    private static final Instant AT = Instant.parse("2024-01-02T03:04:05.123456Z");

    @Test
    void theMessageHasTheNonEmptyFieldsInCirrusOrder() {
        WorkflowEvent event =
                new WorkflowEvent(
                        WorkflowEventType.FAILED,
                        "col/workflow-wf/item",
                        AT,
                        Optional.of("s3://payloads/col/workflow-wf/item/input.json"),
                        Optional.of("arn:aws:states:us-west-2:1:execution:wf:n"),
                        Optional.of("Exception: boom"));
        TopicMessage message = event.toMessage(new ConsoleUrls(null));
        assertThat(message.body())
                .isEqualTo(
                        "{\"event_type\": \"FAILED\", \"payload_id\": \"col/workflow-wf/item\","
                                + " \"isotimestamp\": \"2024-01-02T03:04:05.123456+00:00\","
                                + " \"payload_url\": \"s3://payloads/col/workflow-wf/item/input.json\","
                                + " \"execution\": \"https://us-west-2.console.aws.amazon.com/states/home?region=us-west-2"
                                + "#/v2/executions/details/arn:aws:states:us-west-2:1:execution:wf:n\","
                                + " \"error\": \"Exception: boom\"}");
        assertThat(message.attributes())
                .containsOnlyKeys("event_type", "workflow", "collections", "error");
        assertThat(message.attributes().get("collections").value()).isEqualTo("col");
    }

    @Test
    void anUnknownIdHasNoWorkflowAttributes() {
        WorkflowEvent event =
                new WorkflowEvent(
                        WorkflowEventType.RECORD_EXTRACT_FAILED,
                        "unknown",
                        AT,
                        Optional.of(""),
                        Optional.empty(),
                        Optional.of("bad json"));
        TopicMessage message = event.toMessage(new ConsoleUrls("eu-west-1"));
        assertThat(message.attributes()).containsOnlyKeys("event_type", "error");
        assertThat(message.body()).doesNotContain("payload_url");
    }
}
