package cirrus.runtime.port;

import java.time.Duration;
import java.util.List;

/**
 * A durable message queue with at-least-once delivery (SQS on AWS, a SQLite table locally).
 *
 * <p>A received message is invisible for the visibility timeout, then delivered again unless it was
 * {@linkplain #delete deleted} with the receipt handle of that delivery. Each delivery increments
 * the message's receive count; a queue configured with a dead-letter queue moves a message there
 * instead of delivering it more than {@code maxReceiveCount} times.
 */
public interface Queue {
    /** The queue's name (the last part of its URL or ARN on AWS). */
    String name();

    /**
     * Appends a message.
     *
     * @return the message id
     */
    String send(String body);

    /**
     * Appends messages in order (an adapter splits them into the service's batch size).
     *
     * @return their message ids, in order
     */
    List<String> sendBatch(List<String> bodies);

    /**
     * Receives up to {@code maxMessages} visible messages without waiting, oldest first as far as
     * the service guarantees, hiding each for {@code visibilityTimeout}.
     */
    List<ReceivedMessage> receive(int maxMessages, Duration visibilityTimeout);

    /** Deletes the message delivered with {@code receiptHandle}; unknown handles are ignored. */
    void delete(String receiptHandle);

    /**
     * Makes the message delivered with {@code receiptHandle} visible again after {@code timeout}
     * ({@link Duration#ZERO}: at once, e.g. to retry it now).
     */
    void changeVisibility(String receiptHandle, Duration timeout);

    /** Number of messages in the queue, visible or in flight (approximate on AWS). */
    long approximateCount();

    /** Deletes each message of {@code receiptHandles}. */
    default void deleteBatch(List<String> receiptHandles) {
        receiptHandles.forEach(this::delete);
    }
}
