package cirrus.aws.sqs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiptHandleIsInvalidException;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResultEntry;

import cirrus.aws.config.Backoff;
import cirrus.aws.messaging.BatchLimits;
import cirrus.runtime.port.Queue;
import cirrus.runtime.port.ReceivedMessage;
import cirrus.runtime.port.StoreException;

/**
 * The {@link Queue} on an Amazon SQS standard queue. Batches go out 10 entries per call; entries
 * the service rejects as transient ({@code SenderFault=false}) are re-sent with backoff, a bounded
 * number of times. Dead-letter redrive is the queue's own {@code RedrivePolicy}.
 */
public final class SqsQueue implements Queue {
    /** SQS accepts at most 10 entries per batch call. */
    public static final int BATCH_SIZE = 10;

    private static final int MAX_ROUNDS = 5;

    private final SqsClient sqs;
    private final String url;

    public SqsQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.url = queueUrl;
    }

    /** The queue's URL. */
    public String url() {
        return url;
    }

    @Override
    public String name() {
        return url.substring(url.lastIndexOf('/') + 1);
    }

    @Override
    public String send(String body) {
        try {
            return sqs.sendMessage(r -> r.queueUrl(url).messageBody(body)).messageId();
        } catch (SdkException e) {
            throw failure("send to", e);
        }
    }

    @Override
    public List<String> sendBatch(List<String> bodies) {
        List<String> ids = new ArrayList<>(bodies.size());
        for (List<String> chunk : BatchLimits.split(bodies, BatchLimits::utf8)) {
            ids.addAll(sendChunk(chunk));
        }
        return ids;
    }

    private List<String> sendChunk(List<String> bodies) {
        Map<String, String> idsByEntry = new HashMap<>();
        List<SendMessageBatchRequestEntry> pending = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            pending.add(
                    SendMessageBatchRequestEntry.builder()
                            .id(Integer.toString(i))
                            .messageBody(bodies.get(i))
                            .build());
        }
        for (int round = 0; !pending.isEmpty(); round++) {
            List<SendMessageBatchRequestEntry> entries = pending;
            SendMessageBatchResponse response;
            try {
                response = sqs.sendMessageBatch(r -> r.queueUrl(url).entries(entries));
            } catch (SdkException e) {
                throw failure("send to", e);
            }
            for (SendMessageBatchResultEntry ok : response.successful()) {
                idsByEntry.put(ok.id(), ok.messageId());
            }
            pending =
                    retryable(entries, response.failed(), SendMessageBatchRequestEntry::id, round);
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            ids.add(idsByEntry.get(Integer.toString(i)));
        }
        return ids;
    }

    @Override
    public List<ReceivedMessage> receive(int maxMessages, Duration visibilityTimeout) {
        List<Message> messages;
        try {
            messages =
                    sqs.receiveMessage(
                                    r ->
                                            r.queueUrl(url)
                                                    .maxNumberOfMessages(
                                                            Math.max(1, Math.min(10, maxMessages)))
                                                    .visibilityTimeout(
                                                            (int) visibilityTimeout.toSeconds())
                                                    .waitTimeSeconds(0)
                                                    .messageSystemAttributeNames(
                                                            MessageSystemAttributeName
                                                                    .APPROXIMATE_RECEIVE_COUNT))
                            .messages();
        } catch (SdkException e) {
            throw failure("receive from", e);
        }
        return messages.stream()
                .map(
                        m ->
                                new ReceivedMessage(
                                        m.messageId(),
                                        m.body(),
                                        m.receiptHandle(),
                                        Integer.parseInt(
                                                m.attributes()
                                                        .getOrDefault(
                                                                MessageSystemAttributeName
                                                                        .APPROXIMATE_RECEIVE_COUNT,
                                                                "1"))))
                .toList();
    }

    @Override
    public void delete(String receiptHandle) {
        try {
            sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(receiptHandle));
        } catch (ReceiptHandleIsInvalidException e) {
            // unknown handle: nothing to delete
        } catch (SdkException e) {
            throw failure("delete from", e);
        }
    }

    @Override
    public void deleteBatch(List<String> receiptHandles) {
        for (int from = 0; from < receiptHandles.size(); from += BATCH_SIZE) {
            List<String> chunk =
                    receiptHandles.subList(
                            from, Math.min(receiptHandles.size(), from + BATCH_SIZE));
            List<DeleteMessageBatchRequestEntry> pending = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                pending.add(
                        DeleteMessageBatchRequestEntry.builder()
                                .id(Integer.toString(i))
                                .receiptHandle(chunk.get(i))
                                .build());
            }
            for (int round = 0; !pending.isEmpty(); round++) {
                List<DeleteMessageBatchRequestEntry> entries = pending;
                DeleteMessageBatchResponse response;
                try {
                    response = sqs.deleteMessageBatch(r -> r.queueUrl(url).entries(entries));
                } catch (SdkException e) {
                    throw failure("delete from", e);
                }
                pending =
                        retryable(
                                entries,
                                response.failed().stream()
                                        .filter(f -> !f.code().startsWith("ReceiptHandleIsInvalid"))
                                        .toList(),
                                DeleteMessageBatchRequestEntry::id,
                                round);
            }
        }
    }

    @Override
    public void changeVisibility(String receiptHandle, Duration timeout) {
        try {
            sqs.changeMessageVisibility(
                    r ->
                            r.queueUrl(url)
                                    .receiptHandle(receiptHandle)
                                    .visibilityTimeout((int) timeout.toSeconds()));
        } catch (SdkException e) {
            throw failure("change visibility in", e);
        }
    }

    @Override
    public long approximateCount() {
        Map<QueueAttributeName, String> attributes;
        try {
            attributes =
                    sqs.getQueueAttributes(
                                    r ->
                                            r.queueUrl(url)
                                                    .attributeNames(
                                                            QueueAttributeName
                                                                    .APPROXIMATE_NUMBER_OF_MESSAGES,
                                                            QueueAttributeName
                                                                    .APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                                                            QueueAttributeName
                                                                    .APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED))
                            .attributes();
        } catch (SdkException e) {
            throw failure("count messages of", e);
        }
        return attributes.values().stream().mapToLong(Long::parseLong).sum();
    }

    /**
     * The entries to send again: the failed ones, if all failures are transient and rounds are left
     * (after a backoff); otherwise a {@link StoreException} naming the first failure.
     */
    private <E> List<E> retryable(
            List<E> sent,
            List<BatchResultErrorEntry> failed,
            java.util.function.Function<E, String> idOf,
            int round) {
        if (failed.isEmpty()) {
            return List.of();
        }
        BatchResultErrorEntry first = failed.get(0);
        if (failed.stream().anyMatch(BatchResultErrorEntry::senderFault)
                || round + 1 >= MAX_ROUNDS) {
            throw new StoreException(
                    "SQS rejected "
                            + failed.size()
                            + " batch entries of "
                            + name()
                            + ": "
                            + first.code()
                            + ": "
                            + first.message());
        }
        Backoff.sleep(round);
        List<String> ids = failed.stream().map(BatchResultErrorEntry::id).toList();
        return sent.stream().filter(e -> ids.contains(idOf.apply(e))).toList();
    }

    private StoreException failure(String what, SdkException e) {
        return new StoreException("cannot " + what + " queue " + name() + ": " + e.getMessage(), e);
    }
}
