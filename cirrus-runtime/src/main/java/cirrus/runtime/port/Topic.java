package cirrus.runtime.port;

import java.util.List;

/** A publish/subscribe topic (SNS on AWS, a SQLite table locally). */
public interface Topic {
    /** The topic's name (the last part of its ARN on AWS). */
    String name();

    /**
     * Publishes one message.
     *
     * @return the message id
     */
    String publish(TopicMessage message);

    /** Publishes messages in order (an adapter uses the service's batch call, 10 per call). */
    default void publishBatch(List<TopicMessage> messages) {
        messages.forEach(this::publish);
    }
}
