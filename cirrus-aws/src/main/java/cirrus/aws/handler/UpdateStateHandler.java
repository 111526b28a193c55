package cirrus.aws.handler;

import java.util.function.Supplier;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import cirrus.runtime.builtin.UpdateStateFunction;
import cirrus.runtime.port.Queue;

/**
 * The {@code update-state} Lambda (EventBridge rule on "Step Functions Execution Status Change"):
 * records how an execution ended and sends the next payloads of a chain to the process queue.
 * Returns the next payloads it sent.
 *
 * <p>The error of a failed execution comes from the event's {@code error}/{@code cause} when
 * present, else from the execution history. EventBridge leaves out input and output over 248 KiB
 * ({@code inputDetails.included: false}); then the state cannot be recorded faithfully and the
 * invocation fails loudly (the event goes to the function's dead-letter queue) instead of guessing.
 * Needs {@code CIRRUS_STATE_DB}, {@code CIRRUS_PAYLOAD_BUCKET}; uses {@code
 * CIRRUS_PROCESS_QUEUE_URL}, {@code CIRRUS_WORKFLOW_EVENT_TOPIC_ARN}, {@code
 * CIRRUS_FAILED_TOPIC_ARN}, {@code CIRRUS_INVALID_TOPIC_ARN}.
 */
public final class UpdateStateHandler extends JsonHandler {
    public UpdateStateHandler() {
        this(Deployment::current);
    }

    public UpdateStateHandler(Supplier<Deployment> deployment) {
        super(deployment);
    }

    @Override
    protected JsonNode handle(JsonNode event, Deployment deployment, Context context) {
        requireIncluded(event, "input");
        if ("SUCCEEDED".equals(event.path("detail").path("status").asText())) {
            requireIncluded(event, "output");
        }
        var next =
                new UpdateStateFunction(
                                deployment.newEvents(),
                                deployment.transport(),
                                deployment.executionHistory(),
                                deployment.optionalProcessQueue().map(Queue.class::cast),
                                deployment.topicOf("CIRRUS_FAILED_TOPIC_ARN"),
                                deployment.topicOf("CIRRUS_INVALID_TOPIC_ARN"))
                        .handle(event);
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        next.forEach(out::add);
        return out;
    }

    /**
     * Fails when EventBridge dropped {@code detail.<part>} because the execution's input or output
     * was too large for the event.
     */
    static void requireIncluded(JsonNode event, String part) {
        JsonNode details = event.path("detail").path(part + "Details");
        if (details.has("included") && !details.path("included").asBoolean(true)) {
            throw new IllegalStateException(
                    "EventBridge dropped the "
                            + part
                            + " of execution "
                            + event.path("detail").path("executionArn").asText()
                            + " (over 248 KiB); keep workflow "
                            + part
                            + "s small by passing payloads by {\"url\": …} (the payload size"
                            + " limit does this)");
        }
    }
}
