package cirrus.runtime.port;

import java.util.Objects;

/**
 * One delivery of a queue message.
 *
 * @param messageId stable id of the message across deliveries
 * @param body the message body
 * @param receiptHandle handle of this delivery, for {@link Queue#delete} and {@link
 *     Queue#changeVisibility}
 * @param receiveCount how many times the message has been delivered, this delivery included
 */
public record ReceivedMessage(
        String messageId, String body, String receiptHandle, int receiveCount) {
    public ReceivedMessage {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(receiptHandle, "receiptHandle");
        if (receiveCount < 1) {
            throw new IllegalArgumentException("receiveCount < 1");
        }
    }
}
