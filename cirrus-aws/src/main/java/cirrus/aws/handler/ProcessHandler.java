package cirrus.aws.handler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cirrus.aws.sqs.QueueUrls;
import cirrus.aws.sqs.SqsQueue;
import cirrus.runtime.builtin.ProcessFunction;
import cirrus.runtime.builtin.ProcessOutcome;

/**
 * The {@code process} Lambda (SQS trigger on the process queue, or direct/SNS events): claims and
 * starts one workflow execution per payload.
 *
 * <p>Each SQS message is settled on its own: for an event whose records all come from SQS the
 * function answers with an SQS partial batch response, {@code {"batchItemFailures":
 * [{"itemIdentifier": <messageId>}]}}, naming only the records that must be delivered again (bad
 * JSON, not a payload, transient errors; they reach the dead-letter queue after {@code
 * maxReceiveCount}). The builtin definition's event source mapping declares {@code
 * functionResponseType: ReportBatchItemFailures} for this (a documented difference from cirrus
 * v0.15.4, which deleted the processed records itself and failed the invocation). Other events
 * return how many workflows were started, and fail the invocation when some payload must be
 * retried. Needs {@code CIRRUS_STATE_DB}, {@code CIRRUS_PAYLOAD_BUCKET}, {@code
 * CIRRUS_BASE_WORKFLOW_ARN}; uses {@code CIRRUS_WORKFLOW_EVENT_TOPIC_ARN}.
 */
public final class ProcessHandler extends JsonHandler {
    private volatile QueueUrls queueUrls;

    public ProcessHandler() {
        this(Deployment::current);
    }

    public ProcessHandler(Supplier<Deployment> deployment) {
        super(deployment);
    }

    @Override
    protected JsonNode handle(JsonNode event, Deployment deployment, Context context) {
        ProcessOutcome outcome =
                new ProcessFunction(
                                deployment.newEvents(),
                                deployment.workflows(),
                                deployment.transport())
                        .handle(event);
        if (fromSqs(event)) {
            ObjectNode response = JsonNodeFactory.instance.objectNode();
            ArrayNode failures = response.putArray("batchItemFailures");
            for (JsonNode record : outcome.failedRecords()) {
                String messageId = record.path("messageId").asText();
                if (!messageId.isEmpty()) {
                    failures.addObject().put("itemIdentifier", messageId);
                }
            }
            return response;
        }
        if (outcome.hasFailures()) {
            deleteProcessed(outcome.processedSqsRecords(), deployment);
            throw new IllegalStateException(ProcessOutcome.FAILURE_MESSAGE);
        }
        return IntNode.valueOf(outcome.started().size());
    }

    /** An event delivered by an SQS event source mapping: a non-empty list of SQS records. */
    private static boolean fromSqs(JsonNode event) {
        JsonNode records = event.path("Records");
        if (!records.isArray() || records.isEmpty()) {
            return false;
        }
        for (JsonNode record : records) {
            if (!"aws:sqs".equals(record.path("eventSource").asText())
                    || record.path("messageId").asText().isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private void deleteProcessed(List<JsonNode> records, Deployment deployment) {
        if (queueUrls == null) {
            queueUrls = new QueueUrls(deployment.clients().sqs());
        }
        Map<String, List<String>> handlesByQueue = new LinkedHashMap<>();
        for (JsonNode record : records) {
            String arn = record.path("eventSourceARN").asText();
            String handle =
                    record.has("receiptHandle")
                            ? record.path("receiptHandle").asText()
                            : record.path("ReceiptHandle").asText();
            if (!arn.isEmpty() && !handle.isEmpty()) {
                handlesByQueue.computeIfAbsent(arn, k -> new ArrayList<>()).add(handle);
            }
        }
        handlesByQueue.forEach(
                (arn, handles) ->
                        new SqsQueue(deployment.clients().sqs(), queueUrls.urlOf(arn))
                                .deleteBatch(handles));
    }
}
