package cirrus.local.model;

import java.util.Objects;

/**
 * An SNS topic of the project, stored in the local SQLite database.
 *
 * @param logicalId its logical id, e.g. {@code PublishTopic}
 * @param name the topic name
 * @param arn its local ARN (what {@code Ref} returns)
 */
public record LocalTopic(String logicalId, String name, String arn) {
    public LocalTopic {
        Objects.requireNonNull(logicalId, "logicalId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(arn, "arn");
    }
}
