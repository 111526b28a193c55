package cirrus.aws.sns;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchResponse;

import cirrus.aws.config.Backoff;
import cirrus.aws.messaging.BatchLimits;
import cirrus.runtime.port.MessageAttribute;
import cirrus.runtime.port.StoreException;
import cirrus.runtime.port.Topic;
import cirrus.runtime.port.TopicMessage;

/**
 * The {@link Topic} on an Amazon SNS topic. Batches use {@code PublishBatch}, 10 entries per call
 * (cirrus' {@code SNSPublisher}); {@link TopicMessage} already caps attributes at 10, the most SNS
 * delivers to SQS subscribers. Transiently failed entries are re-published with backoff.
 */
public final class SnsTopic implements Topic {
    /** SNS accepts at most 10 entries (and 256 KiB in all) per {@code PublishBatch}. */
    public static final int BATCH_SIZE = 10;

    private static final int MAX_ROUNDS = 5;

    private final SnsClient sns;
    private final String arn;

    public SnsTopic(SnsClient sns, String topicArn) {
        this.sns = sns;
        this.arn = topicArn;
    }

    /** The topic's ARN. */
    public String arn() {
        return arn;
    }

    @Override
    public String name() {
        return arn.substring(arn.lastIndexOf(':') + 1);
    }

    @Override
    public String publish(TopicMessage message) {
        try {
            return sns.publish(
                            r ->
                                    r.topicArn(arn)
                                            .message(message.body())
                                            .messageAttributes(attributes(message)))
                    .messageId();
        } catch (SdkException e) {
            throw new StoreException("cannot publish to " + arn + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void publishBatch(List<TopicMessage> messages) {
        for (List<TopicMessage> chunk : BatchLimits.split(messages, SnsTopic::size)) {
            publishChunk(chunk);
        }
    }

    private void publishChunk(List<TopicMessage> messages) {
        List<PublishBatchRequestEntry> pending = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            pending.add(
                    PublishBatchRequestEntry.builder()
                            .id(Integer.toString(i))
                            .message(messages.get(i).body())
                            .messageAttributes(attributes(messages.get(i)))
                            .build());
        }
        for (int round = 0; !pending.isEmpty(); round++) {
            List<PublishBatchRequestEntry> entries = pending;
            PublishBatchResponse response;
            try {
                response =
                        sns.publishBatch(r -> r.topicArn(arn).publishBatchRequestEntries(entries));
            } catch (SdkException e) {
                throw new StoreException("cannot publish to " + arn + ": " + e.getMessage(), e);
            }
            List<BatchResultErrorEntry> failed = response.failed();
            if (failed.isEmpty()) {
                return;
            }
            BatchResultErrorEntry first = failed.get(0);
            if (failed.stream().anyMatch(BatchResultErrorEntry::senderFault)
                    || round + 1 >= MAX_ROUNDS) {
                throw new StoreException(
                        "SNS rejected "
                                + failed.size()
                                + " messages to "
                                + arn
                                + ": "
                                + first.code()
                                + ": "
                                + first.message());
            }
            Backoff.sleep(round);
            List<String> ids = failed.stream().map(BatchResultErrorEntry::id).toList();
            pending = entries.stream().filter(e -> ids.contains(e.id())).toList();
        }
    }

    /** The size SNS counts against the 256 KiB batch limit: body and attributes. */
    static int size(TopicMessage message) {
        int size = BatchLimits.utf8(message.body());
        for (Map.Entry<String, MessageAttribute> a : message.attributes().entrySet()) {
            size +=
                    BatchLimits.utf8(a.getKey())
                            + BatchLimits.utf8(a.getValue().dataType().wireName())
                            + BatchLimits.utf8(a.getValue().value());
        }
        return size;
    }

    private static Map<String, MessageAttributeValue> attributes(TopicMessage message) {
        Map<String, MessageAttributeValue> out = new HashMap<>();
        for (Map.Entry<String, MessageAttribute> a : message.attributes().entrySet()) {
            out.put(
                    a.getKey(),
                    MessageAttributeValue.builder()
                            .dataType(a.getValue().dataType().wireName())
                            .stringValue(a.getValue().value())
                            .build());
        }
        return out;
    }
}
