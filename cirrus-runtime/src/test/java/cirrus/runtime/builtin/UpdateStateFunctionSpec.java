package cirrus.runtime.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cirrus.runtime.events.WorkflowEventType;
import cirrus.runtime.json.Json;
import cirrus.runtime.payload.PayloadId;
import cirrus.runtime.port.ReceivedMessage;
import cirrus.runtime.port.StateRecord;
import cirrus.runtime.port.Topic;
import cirrus.runtime.port.TopicMessage;
import cirrus.runtime.port.WorkflowState;

/** Port of upstream {@code tests/builtins/functions/test_update_state.py} plus chaining. */
public abstract class UpdateStateFunctionSpec extends BuiltinSpec {
    private static final PayloadId ID = PayloadId.parse(PAYLOAD_ID);
    private static final String ARN =
            "arn:aws:states:us-east-1:123456789012:execution:cirrus-test-test-workflow1:abc";

    private UpdateStateFunction function(
            ExecutionErrors errors, Optional<Topic> failed, Optional<Topic> invalid) {
        events = newEvents();
        return new UpdateStateFunction(
                events, transport, errors, Optional.of(processQueue), failed, invalid);
    }

    private UpdateStateFunction function() {
        return function(ExecutionErrors.NONE, Optional.empty(), Optional.empty());
    }

    /** An EventBridge "Step Functions Execution Status Change" event. */
    static ObjectNode statusEvent(String status, JsonNode input, JsonNode output) {
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.put("version", "0").put("source", "aws.states");
        event.put("detail-type", "Step Functions Execution Status Change");
        ObjectNode detail = event.putObject("detail");
        detail.put("executionArn", ARN);
        detail.put(
                "stateMachineArn",
                "arn:aws:states:us-east-1:123456789012:stateMachine:cirrus-test-test-workflow1");
        detail.put("status", status);
        detail.put("input", Json.write(input));
        if (output == null) {
            detail.putNull("output");
        } else {
            detail.put("output", Json.write(output));
        }
        return event;
    }

    private static ObjectNode input() {
        ObjectNode payload = payload();
        payload.put("id", PAYLOAD_ID);
        return payload;
    }

    private StateRecord record() {
        return states.get(ID).orElseThrow();
    }

    @Test
    void anEmptyEventIsAnUnknownEvent() {
        assertThatThrownBy(() -> function().handle(Json.parse("{}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown event: {}");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "SUCCEEDED, COMPLETED, SUCCEEDED",
        "FAILED, FAILED, FAILED",
        "ABORTED, ABORTED, ABORTED",
        "TIMED_OUT, FAILED, TIMED_OUT"
    })
    void eachStatusSetsItsStateAndAnnouncesItsEvent(
            String status, WorkflowState state, WorkflowEventType type) {
        states.setProcessing(ID, ARN);
        function()
                .handle(statusEvent(status, input(), status.equals("SUCCEEDED") ? input() : null));
        assertThat(record().state()).isEqualTo(state);
        assertThat(events.announcedTypes()).containsExactly(type);
        List<TopicMessage> published = ports.published(eventTopic);
        assertThat(published).hasSize(1);
        JsonNode body = Json.parse(published.get(0).body());
        assertThat(body.path("event_type").asText()).isEqualTo(type.name());
        assertThat(body.has("error"))
                .isEqualTo(!status.equals("SUCCEEDED") && !status.equals("ABORTED"));
    }

    @Test
    void aFailureWithoutHistoryIsAnUnknownError() {
        states.setProcessing(ID, ARN);
        function().handle(statusEvent("FAILED", input(), null));
        assertThat(record().lastError())
                .hasValue("Unknown: update-state failed to find a specific error condition.");
    }

    @Test
    void aTimeoutIsAFailureWithTheTimeoutError() {
        function().handle(statusEvent("TIMED_OUT", input(), null));
        assertThat(record().state()).isEqualTo(WorkflowState.FAILED);
        assertThat(record().lastError())
                .hasValue("TimedOutError: The step function execution timed out.");
    }

    @Test
    void invalidInputMakesThePayloadInvalid() {
        ExecutionErrors history =
                arn ->
                        Optional.of(
                                new ExecutionError(
                                        "InvalidInput",
                                        "{\"errorMessage\": \"no assets\", \"errorType\": \"InvalidInput\"}"));
        function(history, Optional.empty(), Optional.empty())
                .handle(statusEvent("FAILED", input(), null));
        assertThat(record().state()).isEqualTo(WorkflowState.INVALID);
        assertThat(record().lastError()).hasValue("InvalidInput: no assets");
        assertThat(events.announcedTypes()).containsExactly(WorkflowEventType.INVALID);
    }

    @Test
    void theErrorOfTheEventWinsOverTheHistory() {
        ObjectNode event = statusEvent("FAILED", input(), null);
        ((ObjectNode) event.get("detail"))
                .put("error", "stactask.exceptions.InvalidInput")
                .put("cause", "raw cause");
        function(
                        arn -> Optional.of(new ExecutionError("Other", "x")),
                        Optional.empty(),
                        Optional.empty())
                .handle(event);
        assertThat(record().state()).isEqualTo(WorkflowState.INVALID);
        assertThat(record().lastError()).hasValue("stactask.exceptions.InvalidInput: raw cause");
    }

    @Test
    void errorMessagesComeFromTheCause() {
        assertThat(
                        UpdateStateFunction.errorText(
                                new ExecutionError(
                                        "States.TaskFailed", "{\"errorMessage\": \"boom\"}")))
                .isEqualTo("States.TaskFailed: boom");
        assertThat(UpdateStateFunction.errorText(new ExecutionError("E", "{\"other\": 1}")))
                .isEqualTo("E: unknown");
        assertThat(UpdateStateFunction.errorText(new ExecutionError("E", "not json")))
                .isEqualTo("E: not json");
        assertThat(UpdateStateFunction.errorText(new ExecutionError("", "x")))
                .isEqualTo("unknown: x");
    }

    @Test
    void failuresArePublishedToTheFailedTopicWhenConfigured() {
        Topic failed = ports.topic("cirrus-test-failed");
        states.setProcessing(ID, ARN);
        function(
                        arn ->
                                Optional.of(
                                        new ExecutionError(
                                                "Exception", "{\"errorMessage\": \"boom\"}")),
                        Optional.of(failed),
                        Optional.empty())
                .handle(statusEvent("FAILED", input(), null));
        List<TopicMessage> messages = ports.published(failed);
        assertThat(messages).hasSize(1);
        JsonNode item = Json.parse(messages.get(0).body());
        assertThat(item.path("payload_id").asText()).isEqualTo(PAYLOAD_ID);
        assertThat(item.path("state").asText()).isEqualTo("FAILED");
        assertThat(item.path("last_error").asText()).isEqualTo("Exception: boom");
        assertThat(messages.get(0).attributes().get("error").value()).isEqualTo("Exception: boom");
    }

    @Test
    void aSucceededChainSendsTheNextPayloadsOfTheOutputToTheProcessQueue() {
        ObjectNode output = input();
        ArrayNode process = output.putArray("process");
        process.add(input().get("process"));
        process.add(
                ((ObjectNode) input().get("process").deepCopy()).put("workflow", "next-workflow"));
        ((ObjectNode) output.at("/features/0/properties")).put("marker", "from-output");
        List<ObjectNode> next = function().handle(statusEvent("SUCCEEDED", input(), output));
        assertThat(next).hasSize(1);
        List<ReceivedMessage> queued = processQueue.receive(10, Duration.ofMinutes(1));
        assertThat(queued).hasSize(1);
        JsonNode body = Json.parse(queued.get(0).body());
        assertThat(body.at("/process/0/workflow").asText()).isEqualTo("next-workflow");
        assertThat(body.at("/features/0/properties/marker").asText()).isEqualTo("from-output");
        assertThat(body.has("id")).isFalse();
    }

    @Test
    void aPayloadPassedByUrlIsFetched() {
        var url = transport.upload(input());
        ObjectNode ref = JsonNodeFactory.instance.objectNode().put("url", url.toString());
        function().handle(statusEvent("ABORTED", ref, null));
        assertThat(record().state()).isEqualTo(WorkflowState.ABORTED);
    }
}
