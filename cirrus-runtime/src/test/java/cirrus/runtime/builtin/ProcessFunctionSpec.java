package cirrus.runtime.builtin;

import static cirrus.runtime.events.WorkflowEventType.ALREADY_CLAIMED;
import static cirrus.runtime.events.WorkflowEventType.ALREADY_COMPLETED;
import static cirrus.runtime.events.WorkflowEventType.ALREADY_INVALID;
import static cirrus.runtime.events.WorkflowEventType.ALREADY_PROCESSING;
import static cirrus.runtime.events.WorkflowEventType.CLAIMED_PROCESSING;
import static cirrus.runtime.events.WorkflowEventType.DUPLICATE_ID_ENCOUNTERED;
import static cirrus.runtime.events.WorkflowEventType.FAILED;
import static cirrus.runtime.events.WorkflowEventType.NOT_A_PROCESS_PAYLOAD;
import static cirrus.runtime.events.WorkflowEventType.RECORD_EXTRACT_FAILED;
import static cirrus.runtime.events.WorkflowEventType.STARTED_PROCESSING;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cirrus.runtime.events.WorkflowEventType;
import cirrus.runtime.events.WorkflowEvents;
import cirrus.runtime.json.Json;
import cirrus.runtime.payload.PayloadId;
import cirrus.runtime.port.BlobUrl;
import cirrus.runtime.port.ClaimRequest;
import cirrus.runtime.port.ClaimResult;
import cirrus.runtime.port.StateRecord;
import cirrus.runtime.port.StateStore;
import cirrus.runtime.port.WorkflowState;
import cirrus.runtime.statedb.ExecutionName;

/**
 * Port of upstream {@code tests/builtins/functions/test_process.py}, plus the v1 claim protocol:
 * stuck claims, redelivery and start failures never give a second execution.
 */
public abstract class ProcessFunctionSpec extends BuiltinSpec {
    private static final PayloadId ID = PayloadId.parse(PAYLOAD_ID);

    private ProcessOutcome run(JsonNode event) {
        events = newEvents();
        return new ProcessFunction(events, starter, transport).handle(event);
    }

    private List<WorkflowEventType> types() {
        return events.announcedTypes();
    }

    private WorkflowState state() {
        return states.state(ID).orElseThrow();
    }

    @Test
    void anEmptyEventFails() {
        ProcessOutcome outcome = run(Json.parse("{}"));
        assertThat(outcome.hasFailures()).isTrue();
        assertThat(types()).containsExactly(NOT_A_PROCESS_PAYLOAD);
        assertThat(starter.executions()).isEmpty();
    }

    @Test
    void aSinglePayloadIsClaimedAndStarted() {
        ProcessOutcome outcome = run(payload());
        assertThat(outcome.started()).containsExactly(ID);
        assertThat(outcome.hasFailures()).isFalse();
        assertThat(starter.executions()).hasSize(1);
        assertThat(state()).isEqualTo(WorkflowState.PROCESSING);
        assertThat(types()).containsExactly(CLAIMED_PROCESSING, STARTED_PROCESSING);
    }

    @Test
    void theExecutionIsNamedDeterministicallyAndGetsThePayload() {
        run(payload());
        String name = ExecutionName.of(ID, List.of());
        String arn = starter.executionArn(WORKFLOW, name);
        assertThat(starter.executions()).containsExactly(arn);
        assertThat(states.get(ID).orElseThrow().executions()).containsExactly(arn);
        JsonNode input = Json.parse(starter.inputOf(arn));
        assertThat(input.path("id").asText()).isEqualTo(PAYLOAD_ID);
        assertThat(
                        blobs.getJson(new BlobUrl(PAYLOAD_BUCKET, PAYLOAD_ID + "/input.json"))
                                .path("id")
                                .asText())
                .isEqualTo(PAYLOAD_ID);
    }

    @Test
    void eventsArePublishedToTheWorkflowEventTopic() {
        run(payload());
        var published = ports.published(eventTopic);
        assertThat(published).hasSize(2);
        JsonNode body = Json.parse(published.get(1).body());
        assertThat(body.path("event_type").asText()).isEqualTo("STARTED_PROCESSING");
        assertThat(body.path("payload_id").asText()).isEqualTo(PAYLOAD_ID);
        assertThat(body.path("execution").asText())
                .startsWith("https://us-east-1.console.aws.amazon.com/states/");
        assertThat(published.get(1).attributes().get("workflow").value()).isEqualTo(WORKFLOW);
        assertThat(published.get(1).attributes().get("collections").value())
                .isEqualTo("sentinel-s2-l2a");
    }

    @Test
    void rerunningAPayloadInProcessingSkipsIt() {
        run(payload());
        ProcessOutcome again = run(payload());
        assertThat(again.started()).isEmpty();
        assertThat(types()).containsExactly(ALREADY_PROCESSING);
        assertThat(starter.executions()).hasSize(1);
    }

    @Test
    void losingTheClaimRaceToAnotherProcessSkipsThePayload() {
        StateStore racing = new RacingStateStore(states);
        events = new WorkflowEvents(racing, Optional.of(eventTopic), events.urls(), clock);
        ProcessOutcome outcome = new ProcessFunction(events, starter, transport).handle(payload());
        assertThat(outcome.started()).isEmpty();
        assertThat(starter.executions()).isEmpty();
        assertThat(types()).containsExactly(ALREADY_PROCESSING);
    }

    @Test
    void completedPayloadsRunAgainOnlyWithReplace() {
        states.setCompleted(ID);
        assertThat(run(payload()).started()).isEmpty();
        assertThat(types()).containsExactly(ALREADY_COMPLETED);
        ObjectNode replace = payload();
        ((ObjectNode) replace.get("process")).put("replace", true);
        assertThat(run(replace).started()).containsExactly(ID);
    }

    @Test
    void failedAndAbortedPayloadsRunAgain() {
        states.setFailed(ID, "boom");
        assertThat(run(payload()).started()).containsExactly(ID);
        states.setAborted(ID);
        assertThat(run(payload()).started()).containsExactly(ID);
        assertThat(starter.executions()).hasSize(2).doesNotHaveDuplicates();
        assertThat(states.get(ID).orElseThrow().executions()).hasSize(2);
    }

    @Test
    void invalidPayloadsRunAgainOnlyWithReplace() {
        states.setInvalid(ID, "bad");
        assertThat(run(payload()).started()).isEmpty();
        assertThat(types()).containsExactly(ALREADY_INVALID);
        ObjectNode replace = payload();
        ((ObjectNode) replace.get("process")).put("replace", true);
        assertThat(run(replace).started()).containsExactly(ID);
        assertThat(states.get(ID).orElseThrow().lastError()).isEmpty();
    }

    @Test
    void replaceNeverOverridesProcessing() {
        run(payload());
        ObjectNode replace = payload();
        ((ObjectNode) replace.get("process")).put("replace", true);
        assertThat(run(replace).started()).isEmpty();
        assertThat(types()).containsExactly(ALREADY_PROCESSING);
    }

    @Test
    void anSqsMessageIsNotDeletedByTheFunctionOnFullSuccess() {
        ProcessOutcome outcome = run(sqsEvent(payload()));
        assertThat(outcome.started()).containsExactly(ID);
        assertThat(outcome.hasFailures()).isFalse();
        assertThat(receiptHandles(outcome.processedSqsRecords())).containsExactly("receipt-1");
    }

    @Test
    void aPayloadWithoutIdGetsItsDerivedId() {
        assertThat(run(sqsEvent(payload())).started())
                .extracting(PayloadId::toString)
                .containsExactly(PAYLOAD_ID);
    }

    @Test
    void aPayloadCanComeByUrl() {
        BlobUrl url = new BlobUrl(PAYLOAD_BUCKET, "test/payload.json");
        blobs.putJson(url, payload());
        ObjectNode ref = JsonNodeFactory.instance.objectNode().put("url", url.toString());
        assertThat(run(sqsEvent(ref)).started()).containsExactly(ID);
    }

    @Test
    void aMessageWithoutProcessIsKeptForRedelivery() {
        ObjectNode bad = payload();
        bad.remove("process");
        ProcessOutcome outcome = run(sqsEvent(bad));
        assertThat(outcome.hasFailures()).isTrue();
        assertThat(receiptHandles(outcome.failedRecords())).containsExactly("receipt-1");
        assertThat(types()).containsExactly(NOT_A_PROCESS_PAYLOAD);
        assertThat(events.announced().get(0).error())
                .hasValue("process: ProcessPayload must have a `process` definition");
        assertThat(events.announced().get(0).payloadUrl())
                .hasValueSatisfying(u -> assertThat(u).startsWith("s3://payloads/payloads/"));
    }

    @Test
    void aMessageThatIsNotJsonIsKeptForRedelivery() {
        ProcessOutcome outcome = run(sqsEvent(JsonNodeFactory.instance.textNode("{\"nope\"")));
        assertThat(outcome.hasFailures()).isTrue();
        assertThat(types()).containsExactly(RECORD_EXTRACT_FAILED);
        assertThat(events.announced().get(0).payloadId()).isEqualTo("unknown");
    }

    @Test
    void twoPayloadsAreBothStarted() {
        ObjectNode other = payload();
        ((ObjectNode) other.at("/features/0")).put("id", "other-item");
        ProcessOutcome outcome = run(sqsEvent(payload(), other));
        assertThat(outcome.started()).hasSize(2);
        assertThat(starter.executions()).hasSize(2);
    }

    @Test
    void aDuplicateInTheSameBatchIsDropped() {
        ProcessOutcome outcome = run(sqsEvent(payload(), payload()));
        assertThat(outcome.started()).containsExactly(ID);
        assertThat(outcome.dropped()).containsExactly(ID);
        assertThat(outcome.hasFailures()).isFalse();
        assertThat(types())
                .containsExactly(CLAIMED_PROCESSING, STARTED_PROCESSING, DUPLICATE_ID_ENCOUNTERED);
    }

    @Test
    void anUnknownWorkflowFailsThatPayloadOnly() {
        ObjectNode bad = payload();
        ((ObjectNode) bad.at("/features/0")).put("id", "other-item");
        ((ObjectNode) bad.get("process")).put("workflow", "nonexistent");
        ProcessOutcome outcome = run(sqsEvent(payload(), bad));
        assertThat(outcome.started()).containsExactly(ID);
        assertThat(outcome.failed()).hasSize(1);
        assertThat(outcome.hasFailures()).isFalse();
        assertThat(types())
                .containsExactly(
                        CLAIMED_PROCESSING, STARTED_PROCESSING, CLAIMED_PROCESSING, FAILED);
        PayloadId badId = outcome.failed().get(0);
        assertThat(states.state(badId)).hasValue(WorkflowState.FAILED);
        assertThat(states.get(badId).orElseThrow().lastError().orElseThrow())
                .contains("State Machine Does Not Exist");
    }

    @Test
    void anUnknownWorkflowWithoutIdIsClaimedThenFailed() {
        ObjectNode bad = payload();
        ((ObjectNode) bad.get("process")).put("workflow", "nonexistent");
        assertThat(run(bad).started()).isEmpty();
        assertThat(types()).containsExactly(CLAIMED_PROCESSING, FAILED);
    }

    @Test
    void aBadMessageFailsTheBatchButTheGoodOneIsStartedAndDeleted() {
        ObjectNode bad = payload();
        bad.remove("process");
        ProcessOutcome outcome = run(sqsEvent(bad, payload()));
        assertThat(outcome.hasFailures()).isTrue();
        assertThat(outcome.started()).containsExactly(ID);
        assertThat(receiptHandles(outcome.processedSqsRecords())).containsExactly("receipt-2");
        assertThat(receiptHandles(outcome.failedRecords())).containsExactly("receipt-1");
        assertThat(types())
                .containsExactly(NOT_A_PROCESS_PAYLOAD, CLAIMED_PROCESSING, STARTED_PROCESSING);
    }

    // ---- v1 claim protocol ----------------------------------------------------------------

    @Test
    void aStuckClaimIsStartedWithTheNameItHolds() {
        String planned = starter.executionArn(WORKFLOW, "planned-before-crash");
        states.claim(new ClaimRequest(ID, planned, 0));
        ProcessOutcome outcome = run(payload());
        assertThat(outcome.started()).containsExactly(ID);
        assertThat(starter.executions()).containsExactly(planned);
        assertThat(types()).containsExactly(ALREADY_CLAIMED, STARTED_PROCESSING);
        assertThat(states.get(ID).orElseThrow().executions()).containsExactly(planned);
        assertThat(state()).isEqualTo(WorkflowState.PROCESSING);
    }

    @Test
    void aRedeliveryAfterACrashBetweenStartAndProcessingStartsNothingNew() {
        String name = ExecutionName.of(ID, List.of());
        String arn = starter.executionArn(WORKFLOW, name);
        states.claim(new ClaimRequest(ID, arn, 0));
        starter.start(WORKFLOW, name, "{}");
        ProcessOutcome outcome = run(sqsEvent(payload()));
        assertThat(outcome.started()).containsExactly(ID);
        assertThat(starter.executions()).containsExactly(arn);
        assertThat(state()).isEqualTo(WorkflowState.PROCESSING);
    }

    @Test
    void aFailedStartLeavesTheClaimAndTheRetryUsesTheSameName() {
        starter.failNextStart(new IllegalStateException("throttled"));
        ProcessOutcome first = run(sqsEvent(payload()));
        assertThat(first.hasFailures()).isTrue();
        assertThat(receiptHandles(first.failedRecords())).containsExactly("receipt-1");
        assertThat(state()).isEqualTo(WorkflowState.CLAIMED);
        ProcessOutcome retry = run(sqsEvent(payload()));
        assertThat(retry.started()).containsExactly(ID);
        assertThat(starter.startCalls()).hasSize(2).containsOnly(ExecutionName.of(ID, List.of()));
        assertThat(starter.executions()).hasSize(1);
    }

    @Test
    void aRerunAfterFailureGetsANewNameDerivedFromTheHistory() {
        run(payload());
        StateRecord first = states.get(ID).orElseThrow();
        states.setFailed(ID, "boom");
        run(payload());
        StateRecord second = states.get(ID).orElseThrow();
        assertThat(second.executions()).hasSize(2);
        String expected =
                ExecutionName.of(
                        ID, first.executions().stream().map(events.urls()::execution).toList());
        assertThat(second.lastExecution().orElseThrow()).endsWith(":" + expected);
    }

    @Test
    void nothingIsStoredForAnInvalidPayload() {
        ObjectNode bad = payload();
        ((ObjectNode) bad.get("process")).remove("tasks");
        run(bad);
        assertThat(
                        states.count(
                                        cirrus.runtime.port.StateQuery.of(
                                                "sentinel-s2-l2a_test-workflow1"),
                                        OptionalLong.empty())
                                .count())
                .isZero();
    }

    /** A state store in which another process wins every claim just before ours. */
    private static final class RacingStateStore extends ForwardingStateStore {
        RacingStateStore(StateStore delegate) {
            super(delegate);
        }

        @Override
        public ClaimResult claim(ClaimRequest request) {
            delegate.setProcessing(
                    request.id(), "arn:aws:states:us-east-1:123456789012:execution:other:x");
            return delegate.claim(request);
        }
    }
}
