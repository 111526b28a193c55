package cirrus.aws.handler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;

import cirrus.aws.sqs.QueueUrls;
import cirrus.aws.sqs.SqsQueue;
import cirrus.runtime.builtin.ProcessFunction;
import cirrus.runtime.builtin.ProcessOutcome;

/**
 * The {@code process} Lambda (SQS trigger on the process queue, or direct/SNS events): claims and
 * starts one workflow execution per payload and returns how many it started.
 *
 * <p>Partial failure as in cirrus v0.15.4: when some records could not be processed (bad JSON, not
 * a payload, transient errors), the records of the processed payloads are deleted from their queue
 * and the invocation fails, so that only the failed ones are delivered again (and reach the
 * dead-letter queue after {@code maxReceiveCount}). A record is deleted only after its payload was
 * claimed or deliberately skipped. Needs {@code CIRRUS_STATE_DB}, {@code CIRRUS_PAYLOAD_BUCKET},
 * {@code CIRRUS_BASE_WORKFLOW_ARN}; uses {@code CIRRUS_WORKFLOW_EVENT_TOPIC_ARN}.
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
        if (outcome.hasFailures()) {
            deleteProcessed(outcome.processedSqsRecords(), deployment);
            throw new IllegalStateException(ProcessOutcome.FAILURE_MESSAGE);
        }
        return IntNode.valueOf(outcome.started().size());
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
