package cirrus.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.ReceiptHandleIsInvalidException;

import cirrus.aws.handler.Deployment;
import cirrus.aws.handler.LocalContext;
import cirrus.aws.handler.ProcessHandler;
import cirrus.aws.handler.UpdateStateHandler;
import cirrus.aws.moto.LambdaEvents;
import cirrus.aws.moto.MotoDeployment;
import cirrus.aws.moto.MotoExtension;
import cirrus.aws.moto.MotoServer;
import cirrus.runtime.json.Json;
import cirrus.runtime.payload.PayloadId;
import cirrus.runtime.port.StateRecord;
import cirrus.runtime.port.TopicMessage;
import cirrus.runtime.port.WorkflowState;

/**
 * The whole AWS path on moto: a deployment (state table, buckets, process queue with dead-letter
 * queue, topics, state machines), payloads sent to the process queue and handed to the process
 * handler as the SQS event source would, real Step Functions executions, and update-state driven by
 * the status-change events EventBridge would send.
 */
@ExtendWith(MotoExtension.class)
class AwsPipelineTest {
    private static final String PASS =
            "{\"StartAt\": \"Run\", \"States\": {\"Run\": {\"Type\": \"Pass\", \"End\": true}}}";
    private static final String INVALID =
            "{\"StartAt\": \"Check\", \"States\": {\"Check\": {\"Type\": \"Pass\", \"Result\":"
                    + " {\"Error\": \"InvalidInput\", \"Cause\": \"{\\\"errorMessage\\\": \\\"no"
                    + " assets in item-1\\\"}\"}, \"ResultPath\": \"$.error\", \"Next\":"
                    + " \"failure\"}, \"failure\": {\"Type\": \"Fail\", \"Error\": \"InvalidInput\","
                    + " \"Cause\": \"{\\\"errorMessage\\\": \\\"no assets in item-1\\\"}\"}}}";

    private MotoDeployment aws;
    private Deployment deployment;
    private ProcessHandler process;
    private UpdateStateHandler updateState;

    @BeforeEach
    void deploy(MotoServer moto) {
        aws = new MotoDeployment(moto);
        aws.createWorkflow("wf-a", PASS);
        aws.createWorkflow("wf-b", PASS);
        aws.createWorkflow("wf-invalid", INVALID);
        deployment = aws.deployment();
        process = new ProcessHandler(() -> deployment);
        updateState = new UpdateStateHandler(() -> deployment);
    }

    @AfterEach
    void close() {
        deployment.close();
        aws.close();
    }

    private static String payload(String... workflows) {
        return payloadOf("item-1", workflows);
    }

    private static String payloadOf(String itemId, String... workflows) {
        StringBuilder process = new StringBuilder();
        for (String wf : workflows) {
            if (process.length() > 0) {
                process.append(", ");
            }
            process.append("{\"workflow\": \"")
                    .append(wf)
                    .append(
                            "\", \"upload_options\": {\"path_template\":"
                                    + " \"${collection}/${id}\"}, \"tasks\": {}}");
        }
        return "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\","
                + " \"stac_version\": \"1.0.0\", \"id\": \""
                + itemId
                + "\", \"collection\": \"col-a\","
                + " \"properties\": {\"datetime\": \"2020-07-01T00:00:00Z\"}, \"geometry\": null,"
                + " \"links\": [], \"assets\": {}}], \"process\": ["
                + process
                + "]}";
    }

    /**
     * Receives the process queue's messages and invokes the process handler with them, as the event
     * source mapping with {@code ReportBatchItemFailures} does: the messages the answer does not
     * name are deleted. Returns the ids of the messages named for redelivery.
     */
    private List<String> processQueue() {
        return processBatch(aws.drain(aws.processQueueUrl));
    }

    private List<String> processBatch(List<Message> messages) {
        assertThat(messages).isNotEmpty();
        JsonNode result =
                process.handle(
                        LambdaEvents.sqs(messages, aws.processQueueArn),
                        LocalContext.of("process"));
        List<String> failed = new java.util.ArrayList<>();
        result.path("batchItemFailures")
                .forEach(f -> failed.add(f.path("itemIdentifier").asText()));
        assertThat(result.path("batchItemFailures").isArray()).as(result.toString()).isTrue();
        messages.stream()
                .filter(m -> !failed.contains(m.messageId()))
                .forEach(
                        m ->
                                aws.clients()
                                        .sqs()
                                        .deleteMessage(
                                                r ->
                                                        r.queueUrl(aws.processQueueUrl)
                                                                .receiptHandle(m.receiptHandle())));
        return failed;
    }

    private void send(String body) {
        aws.clients().sqs().sendMessage(r -> r.queueUrl(aws.processQueueUrl).messageBody(body));
    }

    private StateRecord state(String id) {
        return deployment.states().get(PayloadId.parse(id)).orElseThrow();
    }

    /** Waits for the payload's execution and hands its status change to update-state. */
    private JsonNode finish(String id, boolean errorInEvent) throws InterruptedException {
        String arn = state(id).lastExecution().orElseThrow();
        DescribeExecutionResponse done = aws.awaitExecution(arn);
        return updateState.handle(
                LambdaEvents.statusChange(done, errorInEvent), LocalContext.of("update-state"));
    }

    private List<String> eventTypes() {
        return aws.published("workflow-event").stream()
                .map(m -> m.attributes().get("event_type").value())
                .toList();
    }

    @Test
    void aChainedPayloadRunsBothWorkflowsAndEndsCompleted() throws Exception {
        send(payload("wf-a", "wf-b"));
        assertThat(processQueue()).isEmpty();
        String first = "col-a/workflow-wf-a/item-1";
        assertThat(state(first).state()).isEqualTo(WorkflowState.PROCESSING);
        assertThat(eventTypes()).containsExactly("CLAIMED_PROCESSING", "STARTED_PROCESSING");

        JsonNode next = finish(first, true);
        assertThat(next).hasSize(1);
        assertThat(state(first).state()).isEqualTo(WorkflowState.COMPLETED);
        assertThat(eventTypes()).containsExactly("SUCCEEDED");

        // update-state sent the next payload of the chain to the process queue
        assertThat(processQueue()).isEmpty();
        String second = "col-a/workflow-wf-b/item-1";
        assertThat(state(second).state()).isEqualTo(WorkflowState.PROCESSING);
        assertThat(finish(second, true)).isEmpty();
        assertThat(state(second).state()).isEqualTo(WorkflowState.COMPLETED);
        assertThat(aws.drain(aws.processQueueUrl)).isEmpty();

        List<ExecutionListItem> executions =
                aws.clients()
                        .sfn()
                        .listExecutions(
                                r -> r.stateMachineArn(MotoDeployment.BASE_WORKFLOW_ARN + "wf-b"))
                        .executions();
        assertThat(executions).hasSize(1);
        assertThat(state(second).executions()).containsExactly(executions.get(0).executionArn());
    }

    @Test
    void aPayloadWhoseExecutionNameBelongsToAClosedExecutionFailsWithTheReason() throws Exception {
        send(payload("wf-a"));
        processQueue();
        String id = "col-a/workflow-wf-a/item-1";
        String first = state(id).lastExecution().orElseThrow();
        finish(id, true);
        // the state item is lost (deleted by hand, or the table recreated): the payload's
        // deterministic execution name is that of the finished execution
        deployment.states().delete(PayloadId.parse(id));
        assertThat(deployment.states().get(PayloadId.parse(id))).isEmpty();
        aws.published("workflow-event");

        send(payload("wf-a"));
        processQueue();

        StateRecord record = state(id);
        assertThat(record.state())
                .as("not reported started with nothing running")
                .isEqualTo(WorkflowState.FAILED);
        assertThat(record.lastError().orElseThrow())
                .contains("execution " + first + " already exists and is SUCCEEDED");
        assertThat(eventTypes()).doesNotContain("STARTED_PROCESSING").contains("FAILED");

        // run again: the failed attempt is in its history, so the name is new
        send(payload("wf-a"));
        processQueue();
        assertThat(state(id).state()).isEqualTo(WorkflowState.PROCESSING);
        assertThat(state(id).lastExecution().orElseThrow()).isNotEqualTo(first);
    }

    @Test
    void anInvalidInputErrorInTheEventMarksThePayloadInvalid() throws Exception {
        send(payload("wf-invalid"));
        processQueue();
        String id = "col-a/workflow-wf-invalid/item-1";
        finish(id, true);
        StateRecord record = state(id);
        assertThat(record.state()).isEqualTo(WorkflowState.INVALID);
        assertThat(record.lastError()).hasValue("InvalidInput: no assets in item-1");
        List<TopicMessage> invalid = aws.published("invalid");
        assertThat(invalid).hasSize(1);
        assertThat(invalid.get(0).attributes().get("error").value())
                .isEqualTo("InvalidInput: no assets in item-1");
        assertThat(eventTypes()).endsWith("INVALID");
    }

    @Test
    void withoutAnErrorInTheEventItIsFoundInTheExecutionHistory() throws Exception {
        send(payload("wf-invalid"));
        processQueue();
        String id = "col-a/workflow-wf-invalid/item-1";
        finish(id, false);
        assertThat(state(id).state()).isEqualTo(WorkflowState.INVALID);
        assertThat(state(id).lastError()).hasValue("InvalidInput: no assets in item-1");
    }

    @Test
    void aRedeliveredMessageStartsNoSecondExecution() {
        send(payload("wf-a"));
        List<Message> first = aws.drain(aws.processQueueUrl);
        process.handle(LambdaEvents.sqs(first, aws.processQueueArn), LocalContext.of("process"));
        // the function timed out before the batch was deleted: the same message comes again
        assertThat(
                        process.handle(
                                        LambdaEvents.sqs(first, aws.processQueueArn),
                                        LocalContext.of("process"))
                                .path("batchItemFailures"))
                .isEmpty();
        assertThat(
                        aws.clients()
                                .sfn()
                                .listExecutions(
                                        r ->
                                                r.stateMachineArn(
                                                        MotoDeployment.BASE_WORKFLOW_ARN + "wf-a"))
                                .executions())
                .hasSize(1);
        assertThat(eventTypes())
                .containsExactly("CLAIMED_PROCESSING", "STARTED_PROCESSING", "ALREADY_PROCESSING");
    }

    @Test
    void aMalformedMessageIsRetriedUntilTheDeadLetterQueueAndTheGoodOneIsDeleted() {
        send("{not json");
        send(payload("wf-a"));
        List<Message> batch = aws.drain(aws.processQueueUrl);
        assertThat(batch).hasSize(2);
        String bad =
                batch.stream()
                        .filter(m -> m.body().equals("{not json"))
                        .findFirst()
                        .orElseThrow()
                        .messageId();
        assertThat(processBatch(batch)).containsExactly(bad);
        assertThat(eventTypes())
                .containsExactlyInAnyOrder(
                        "RECORD_EXTRACT_FAILED", "CLAIMED_PROCESSING", "STARTED_PROCESSING");
        assertThat(state("col-a/workflow-wf-a/item-1").state()).isEqualTo(WorkflowState.PROCESSING);

        // only the bad message is left; after 5 failed deliveries SQS moves it to the DLQ
        List<Message> inFlight = batch;
        for (int delivery = 2; delivery <= 5; delivery++) {
            makeVisible(inFlight);
            List<Message> again = aws.drain(aws.processQueueUrl);
            assertThat(again).extracting(Message::body).containsExactly("{not json");
            assertThat(processBatch(again)).containsExactly(bad);
            inFlight = again;
        }
        makeVisible(inFlight);
        assertThat(aws.drain(aws.processQueueUrl)).isEmpty();
        assertThat(aws.drain(aws.deadLetterUrl))
                .extracting(Message::body)
                .containsExactly("{not json");
    }

    @Test
    void aPoisonPayloadIsInvalidAndItsNineSiblingsComplete() throws Exception {
        send(payloadOf("..", "wf-a"));
        for (int i = 1; i <= 9; i++) {
            send(payloadOf("item-" + i, "wf-a"));
        }
        List<Message> batch = new java.util.ArrayList<>();
        for (int round = 0; round < 20 && batch.size() < 10; round++) {
            batch.addAll(aws.drain(aws.processQueueUrl));
        }
        assertThat(batch).hasSize(10);

        assertThat(processBatch(batch)).isEmpty();

        StateRecord poison = state("col-a/workflow-wf-a/..");
        assertThat(poison.state()).isEqualTo(WorkflowState.INVALID);
        assertThat(poison.lastError()).hasValueSatisfying(e -> assertThat(e).contains("'..'"));
        for (int i = 1; i <= 9; i++) {
            String id = "col-a/workflow-wf-a/item-" + i;
            finish(id, true);
            assertThat(state(id).state()).as(id).isEqualTo(WorkflowState.COMPLETED);
        }
        assertThat(aws.drain(aws.processQueueUrl)).isEmpty();
        assertThat(aws.drain(aws.deadLetterUrl)).isEmpty();
        assertThat(eventTypes()).filteredOn("INVALID"::equals).hasSize(1);
    }

    /** The visibility timeout of the received messages ends now (the function failed). */
    private void makeVisible(List<Message> messages) {
        for (Message m : messages) {
            try {
                aws.clients()
                        .sqs()
                        .changeMessageVisibility(
                                r ->
                                        r.queueUrl(aws.processQueueUrl)
                                                .receiptHandle(m.receiptHandle())
                                                .visibilityTimeout(0));
            } catch (ReceiptHandleIsInvalidException deleted) {
                // the good message was deleted by the handler
            }
        }
    }

    @Test
    void anEventWhoseInputEventBridgeDroppedFailsLoudly() throws Exception {
        send(payload("wf-a"));
        processQueue();
        String id = "col-a/workflow-wf-a/item-1";
        DescribeExecutionResponse done =
                aws.awaitExecution(state(id).lastExecution().orElseThrow());
        var event = LambdaEvents.statusChange(done, true);
        ((ObjectNode) event.get("detail")).putNull("input");
        ((ObjectNode) event.get("detail")).putObject("inputDetails").put("included", false);
        assertThatThrownBy(() -> updateState.handle(event, LocalContext.of("update-state")))
                .hasMessageContaining("EventBridge dropped the input of execution")
                .hasMessageContaining("248 KiB");
        assertThat(state(id).state()).isEqualTo(WorkflowState.PROCESSING);
        assertThat(Json.write(event)).contains("\"included\":false");
    }
}
