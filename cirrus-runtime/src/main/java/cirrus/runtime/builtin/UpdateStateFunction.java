package cirrus.runtime.builtin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cirrus.runtime.event.PayloadEvents;
import cirrus.runtime.events.WorkflowEvents;
import cirrus.runtime.json.InvalidJsonException;
import cirrus.runtime.json.Json;
import cirrus.runtime.json.PythonJson;
import cirrus.runtime.payload.PayloadTransport;
import cirrus.runtime.payload.ProcessPayload;
import cirrus.runtime.port.MessageAttribute;
import cirrus.runtime.port.Queue;
import cirrus.runtime.port.Topic;
import cirrus.runtime.port.TopicMessage;
import cirrus.runtime.statedb.StateItems;

/**
 * The {@code update-state} function: records how a workflow execution ended, from its "Step
 * Functions Execution Status Change" event, and sends the next payloads of a chain to the process
 * queue.
 *
 * <ul>
 *   <li>SUCCEEDED → COMPLETED, then each {@code next_payloads()} of the <em>output</em> payload is
 *       sent to the process queue;
 *   <li>FAILED / TIMED_OUT → INVALID when the error is {@code InvalidInput} (also {@code
 *       stactask.exceptions.InvalidInput}, {@code cirrus.lib.errors.InvalidInput}), else FAILED,
 *       with {@code last_error = "<type>: <message>"}; also published to the (deprecated) invalid
 *       or failed topic when configured;
 *   <li>ABORTED → ABORTED.
 * </ul>
 *
 * The error comes from the event's {@code detail.error}/{@code detail.cause} when present (cirrus
 * v1), else from {@link ExecutionErrors}.
 */
public final class UpdateStateFunction {
    private static final Set<String> INVALID_TYPES =
            Set.of(
                    "InvalidInput",
                    "stactask.exceptions.InvalidInput",
                    "cirrus.lib.errors.InvalidInput");

    private final WorkflowEvents events;
    private final PayloadTransport transport;
    private final ExecutionErrors errors;
    private final Optional<Queue> processQueue;
    private final Optional<Topic> failedTopic;
    private final Optional<Topic> invalidTopic;

    public UpdateStateFunction(
            WorkflowEvents events,
            PayloadTransport transport,
            ExecutionErrors errors,
            Optional<Queue> processQueue,
            Optional<Topic> failedTopic,
            Optional<Topic> invalidTopic) {
        this.events = Objects.requireNonNull(events, "events");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.errors = Objects.requireNonNull(errors, "errors");
        this.processQueue = Objects.requireNonNull(processQueue, "processQueue");
        this.failedTopic = Objects.requireNonNull(failedTopic, "failedTopic");
        this.invalidTopic = Objects.requireNonNull(invalidTopic, "invalidTopic");
    }

    /** A parsed status-change event. */
    private record StatusChange(
            String executionArn,
            String status,
            ProcessPayload input,
            Optional<ProcessPayload> output,
            Optional<ExecutionError> error) {}

    /**
     * Handles one status-change event.
     *
     * @return the next payloads sent to the process queue
     * @throws IllegalArgumentException {@code Unknown event: <event>} when it cannot be parsed
     */
    public List<ObjectNode> handle(JsonNode event) {
        StatusChange change = parse(event);
        var id = change.input.payloadId();
        String url = transport.inputUrl(id).toString();
        try {
            switch (change.status) {
                case "SUCCEEDED" -> {
                    events.succeeded(id, change.executionArn, url);
                    return chain(change.output);
                }
                case "ABORTED" -> events.aborted(id, change.executionArn, url);
                case "FAILED", "TIMED_OUT" -> fail(change, url);
                default ->
                        throw new IllegalArgumentException(
                                "Unknown event: unexpected status " + change.status);
            }
            return List.of();
        } finally {
            events.flush();
        }
    }

    private StatusChange parse(JsonNode event) {
        try {
            JsonNode detail = event.get("detail");
            String arn = detail.get("executionArn").textValue();
            String status = detail.get("status").textValue();
            ProcessPayload input =
                    PayloadEvents.fromEvent(
                            Json.parse(detail.get("input").textValue()), transport, false);
            JsonNode outputText = detail.get("output");
            Optional<ProcessPayload> output = Optional.empty();
            if (outputText != null && outputText.isTextual()) {
                output =
                        Optional.of(
                                PayloadEvents.fromEvent(
                                        Json.parse(outputText.textValue()), transport, false));
            }
            Optional<ExecutionError> error =
                    switch (status) {
                        case "FAILED" -> Optional.of(errorOf(detail, arn));
                        case "TIMED_OUT" -> Optional.of(ExecutionError.TIMED_OUT);
                        default -> Optional.empty();
                    };
            return new StatusChange(arn, status, input, output, error);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Unknown event: " + PythonJson.dumps(event), e);
        }
    }

    private ExecutionError errorOf(JsonNode detail, String arn) {
        JsonNode error = detail.get("error");
        if (error != null && error.isTextual()) {
            JsonNode cause = detail.get("cause");
            return new ExecutionError(
                    error.textValue(), cause != null && cause.isTextual() ? cause.textValue() : "");
        }
        return errors.errorOf(arn).orElse(ExecutionError.UNKNOWN);
    }

    /**
     * {@code "<type>: <message>"} with the message taken from a JSON cause's {@code errorMessage}.
     */
    static String errorText(ExecutionError error) {
        String type = error.error().isEmpty() ? "unknown" : error.error();
        String message;
        try {
            JsonNode cause = Json.parse(error.cause());
            if (cause.isObject()) {
                JsonNode m = cause.get("errorMessage");
                message = m == null ? "unknown" : PythonJson.str(m);
            } else {
                message = error.cause();
            }
        } catch (InvalidJsonException e) {
            message = error.cause();
        }
        return type + ": " + message;
    }

    private void fail(StatusChange change, String url) {
        ExecutionError error = change.error.orElse(ExecutionError.UNKNOWN);
        String text = errorText(error);
        var id = change.input.payloadId();
        Optional<Topic> topic;
        if (INVALID_TYPES.contains(error.error())) {
            events.invalid(id, text, change.executionArn, url);
            topic = invalidTopic;
        } else if (error.error().equals(ExecutionError.TIMED_OUT.error())) {
            events.timedOut(id, text, change.executionArn, url);
            topic = failedTopic;
        } else {
            events.failed(id, text, Optional.of(change.executionArn), url);
            topic = failedTopic;
        }
        topic.ifPresent(
                t ->
                        events.states()
                                .get(id)
                                .ifPresent(
                                        record -> {
                                            ObjectNode item =
                                                    new StateItems(
                                                                    transport.payloadBucket(),
                                                                    events.urls())
                                                            .toItem(record);
                                            t.publish(
                                                    new TopicMessage(
                                                            PythonJson.dumps(item),
                                                            Map.of(
                                                                    "collections",
                                                                            MessageAttribute.string(
                                                                                    id
                                                                                            .collections()),
                                                                    "workflow",
                                                                            MessageAttribute.string(
                                                                                    id.workflow()),
                                                                    "error",
                                                                            MessageAttribute.string(
                                                                                    text))));
                                        }));
    }

    private List<ObjectNode> chain(Optional<ProcessPayload> output) {
        if (output.isEmpty() || processQueue.isEmpty()) {
            return List.of();
        }
        List<ObjectNode> next = output.get().nextPayloads();
        List<String> bodies = new ArrayList<>();
        next.forEach(p -> bodies.add(PythonJson.dumps(p)));
        if (!bodies.isEmpty()) {
            processQueue.get().sendBatch(bodies);
        }
        return next;
    }
}
