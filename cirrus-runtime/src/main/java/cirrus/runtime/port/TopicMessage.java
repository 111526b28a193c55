package cirrus.runtime.port;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A message for a {@link Topic}: a body and at most 10 attributes (the SNS-to-SQS limit).
 *
 * @param body the message text
 * @param attributes attributes by name, sorted by name
 */
public record TopicMessage(String body, Map<String, MessageAttribute> attributes) {
    /** SNS delivers at most 10 attributes to SQS subscribers. */
    public static final int MAX_ATTRIBUTES = 10;

    public TopicMessage {
        Objects.requireNonNull(body, "body");
        if (attributes.size() > MAX_ATTRIBUTES) {
            throw new IllegalArgumentException(
                    "a message can have at most "
                            + MAX_ATTRIBUTES
                            + " attributes, got "
                            + attributes.size());
        }
        attributes = Map.copyOf(new TreeMap<>(attributes));
    }

    public static TopicMessage of(String body) {
        return new TopicMessage(body, Map.of());
    }
}
