package cirrus.runtime.events;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import cirrus.runtime.payload.PayloadId;
import cirrus.runtime.port.ClaimRequest;
import cirrus.runtime.port.ClaimResult;
import cirrus.runtime.port.StateStore;
import cirrus.runtime.port.Topic;
import cirrus.runtime.port.WorkflowState;
import cirrus.runtime.statedb.ConsoleUrls;

/**
 * Records what happens to payloads: each method updates the state store and announces the matching
 * {@link WorkflowEvent} (cirrus {@code WorkflowEventManager}). Announcements are buffered and
 * published in batches of 10 to the workflow-event topic, if there is one; {@link #flush()} (or
 * {@link #close()}) publishes the rest at the end of a handler.
 */
public final class WorkflowEvents implements AutoCloseable {
    private static final int BATCH = 10;
    private static final int HISTORY = 1_000;

    private final StateStore states;
    private final Optional<Topic> topic;
    private final ConsoleUrls urls;
    private final Clock clock;
    private final List<WorkflowEvent> pending = new ArrayList<>();
    private final ArrayDeque<WorkflowEvent> announced = new ArrayDeque<>();

    public WorkflowEvents(StateStore states, Optional<Topic> topic, ConsoleUrls urls, Clock clock) {
        this.states = Objects.requireNonNull(states, "states");
        this.topic = Objects.requireNonNull(topic, "topic");
        this.urls = Objects.requireNonNull(urls, "urls");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The state store the events are recorded in. */
    public StateStore states() {
        return states;
    }

    /** The console URL form of executions. */
    public ConsoleUrls urls() {
        return urls;
    }

    /** Claims the payload; announces {@code CLAIMED_PROCESSING} when the claim was written. */
    public ClaimResult claimProcessing(ClaimRequest request, String payloadUrl) {
        ClaimResult result = states.claim(request);
        if (result instanceof ClaimResult.Claimed) {
            announce(
                    WorkflowEventType.CLAIMED_PROCESSING,
                    request.id().toString(),
                    payloadUrl,
                    request.executionArn(),
                    null);
        }
        return result;
    }

    /**
     * Moves a claimed payload to PROCESSING; announces {@code STARTED_PROCESSING} when it did.
     *
     * @return whether the payload was CLAIMED and is now PROCESSING
     */
    public boolean startedProcessing(PayloadId id, String executionArn, String payloadUrl) {
        boolean moved = states.markProcessing(id);
        if (moved) {
            announce(
                    WorkflowEventType.STARTED_PROCESSING,
                    id.toString(),
                    payloadUrl,
                    executionArn,
                    null);
        }
        return moved;
    }

    /** Announces {@code ALREADY_<state>}; the state is not changed. */
    public void skipping(PayloadId id, WorkflowState state, String payloadUrl) {
        announce(WorkflowEventType.alreadyIn(state), id.toString(), payloadUrl, null, null);
    }

    /** Announces {@code DUPLICATE_ID_ENCOUNTERED}. */
    public void duplicated(PayloadId id, String payloadUrl) {
        announce(WorkflowEventType.DUPLICATE_ID_ENCOUNTERED, id.toString(), payloadUrl, null, null);
    }

    /** FAILED with {@code error}. */
    public void failed(
            PayloadId id, String error, Optional<String> executionArn, String payloadUrl) {
        states.setFailed(id, error);
        announce(
                WorkflowEventType.FAILED,
                id.toString(),
                payloadUrl,
                executionArn.orElse(null),
                error);
    }

    /** FAILED with {@code error}, announced as {@code TIMED_OUT}. */
    public void timedOut(PayloadId id, String error, String executionArn, String payloadUrl) {
        states.setFailed(id, error);
        announce(WorkflowEventType.TIMED_OUT, id.toString(), payloadUrl, executionArn, error);
    }

    /** COMPLETED. */
    public void succeeded(PayloadId id, String executionArn, String payloadUrl) {
        states.setCompleted(id);
        announce(WorkflowEventType.SUCCEEDED, id.toString(), payloadUrl, executionArn, null);
    }

    /** INVALID with {@code error}. */
    public void invalid(PayloadId id, String error, String executionArn, String payloadUrl) {
        states.setInvalid(id, error);
        announce(WorkflowEventType.INVALID, id.toString(), payloadUrl, executionArn, error);
    }

    /** ABORTED. */
    public void aborted(PayloadId id, String executionArn, String payloadUrl) {
        states.setAborted(id);
        announce(WorkflowEventType.ABORTED, id.toString(), payloadUrl, executionArn, null);
    }

    /** A record held no JSON payload (nothing is stored). */
    public void recordExtractFailed(String payloadUrl, String error) {
        announce(WorkflowEventType.RECORD_EXTRACT_FAILED, "unknown", payloadUrl, null, error);
    }

    /** A document was not a valid payload (nothing is stored). */
    public void notAProcessPayload(String payloadId, String payloadUrl, String error) {
        announce(WorkflowEventType.NOT_A_PROCESS_PAYLOAD, payloadId, payloadUrl, null, error);
    }

    private void announce(
            WorkflowEventType type,
            String id,
            String payloadUrl,
            String executionArn,
            String error) {
        WorkflowEvent event =
                new WorkflowEvent(
                        type,
                        id,
                        clock.instant(),
                        Optional.ofNullable(payloadUrl),
                        Optional.ofNullable(executionArn),
                        Optional.ofNullable(error));
        synchronized (this) {
            if (announced.size() == HISTORY) {
                announced.removeFirst();
            }
            announced.add(event);
            pending.add(event);
            if (pending.size() >= BATCH) {
                flush();
            }
        }
    }

    /** Publishes the buffered announcements. */
    public synchronized void flush() {
        if (pending.isEmpty()) {
            return;
        }
        List<WorkflowEvent> batch = List.copyOf(pending);
        pending.clear();
        topic.ifPresent(t -> t.publishBatch(batch.stream().map(e -> e.toMessage(urls)).toList()));
    }

    /**
     * The last 1 000 events announced through this instance, in order (for tests and local runs).
     */
    public synchronized List<WorkflowEvent> announced() {
        return List.copyOf(announced);
    }

    /** The types of {@link #announced()}. */
    public List<WorkflowEventType> announcedTypes() {
        return announced().stream().map(WorkflowEvent::type).toList();
    }

    @Override
    public void close() {
        flush();
    }
}
