package cirrus.local.model;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * An SQS queue of the project, stored in the local SQLite database.
 *
 * @param logicalId its logical id, e.g. {@code ProcessQueue}
 * @param name the queue name
 * @param url its local URL (what {@code Ref} returns)
 * @param arn its local ARN
 * @param visibilityTimeout {@code VisibilityTimeout} (SQS default 30 seconds)
 * @param deadLetterQueue the name of the {@code RedrivePolicy} target, if any
 * @param maxReceiveCount {@code RedrivePolicy.maxReceiveCount} (0 without a redrive policy)
 */
public record LocalQueue(
        String logicalId,
        String name,
        String url,
        String arn,
        Duration visibilityTimeout,
        Optional<String> deadLetterQueue,
        int maxReceiveCount) {
    public LocalQueue {
        Objects.requireNonNull(logicalId, "logicalId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(visibilityTimeout, "visibilityTimeout");
        Objects.requireNonNull(deadLetterQueue, "deadLetterQueue");
    }
}
