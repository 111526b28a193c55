package cirrus.aws.moto;

import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The events AWS would deliver to the handlers, built from real moto resources: an SQS event source
 * mapping batch, and the EventBridge "Step Functions Execution Status Change" event (which moto
 * does not emit).
 */
public final class LambdaEvents {
    private LambdaEvents() {}

    /** The Lambda SQS event for received messages of the queue {@code queueArn}. */
    public static ObjectNode sqs(List<Message> messages, String queueArn) {
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        ArrayNode records = event.putArray("Records");
        for (Message m : messages) {
            ObjectNode record = records.addObject();
            record.put("messageId", m.messageId());
            record.put("receiptHandle", m.receiptHandle());
            record.put("body", m.body());
            ObjectNode attributes = record.putObject("attributes");
            m.attributesAsStrings().forEach(attributes::put);
            record.putObject("messageAttributes");
            record.put("md5OfBody", m.md5OfBody());
            record.put("eventSource", "aws:sqs");
            record.put("eventSourceARN", queueArn);
            record.put("awsRegion", MotoAws.REGION);
        }
        return event;
    }

    /**
     * The status-change event of a finished execution; {@code withError} puts the execution's error
     * and cause into {@code detail} (cirrus v1 workflows set them with a Fail state).
     */
    public static ObjectNode statusChange(DescribeExecutionResponse execution, boolean withError) {
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.put("version", "0");
        event.put("id", "315c1398-40ff-a850-213b-158f73e60175");
        event.put("detail-type", "Step Functions Execution Status Change");
        event.put("source", "aws.states");
        event.put("account", MotoAws.ACCOUNT);
        event.put("region", MotoAws.REGION);
        event.putArray("resources").add(execution.executionArn());
        ObjectNode detail = event.putObject("detail");
        detail.put("executionArn", execution.executionArn());
        detail.put("stateMachineArn", execution.stateMachineArn());
        detail.put("name", execution.name());
        detail.put("status", execution.statusAsString());
        detail.put("startDate", execution.startDate().toEpochMilli());
        if (execution.stopDate() != null) {
            detail.put("stopDate", execution.stopDate().toEpochMilli());
        }
        detail.put("input", execution.input());
        detail.putObject("inputDetails").put("included", true);
        if (execution.output() == null) {
            detail.putNull("output");
            detail.putNull("outputDetails");
        } else {
            detail.put("output", execution.output());
            detail.putObject("outputDetails").put("included", true);
        }
        if (withError && execution.error() != null) {
            detail.put("error", execution.error());
            detail.put("cause", execution.cause());
        } else {
            detail.putNull("error");
            detail.putNull("cause");
        }
        return event;
    }
}
