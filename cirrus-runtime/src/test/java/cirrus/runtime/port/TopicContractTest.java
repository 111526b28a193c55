package cirrus.runtime.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * What every {@link Topic} must do. An adapter test creates topics and reports what a subscriber of
 * a topic has received (on AWS: an SQS queue subscribed with raw delivery off).
 */
public abstract class TopicContractTest {
    /** A new topic without messages. */
    protected abstract Topic createTopic(String name) throws Exception;

    /** Every message a subscriber of {@code topic} received so far. */
    protected abstract List<TopicMessage> delivered(Topic topic) throws Exception;

    @Test
    void aPublishedMessageReachesSubscribersWithItsAttributes() throws Exception {
        Topic topic = createTopic("contract-events");
        Map<String, MessageAttribute> attributes =
                Map.of(
                        "event_type", MessageAttribute.string("STARTED_PROCESSING"),
                        "bbox.ll_lon", MessageAttribute.number("-78.85549714480591"));
        String id = topic.publish(new TopicMessage("{\"a\": 1}", attributes));
        assertThat(id).isNotBlank();
        assertThat(delivered(topic)).containsExactly(new TopicMessage("{\"a\": 1}", attributes));
    }

    @Test
    void aBatchOfMoreThanTenIsDeliveredCompletely() throws Exception {
        Topic topic = createTopic("contract-batch");
        List<TopicMessage> messages = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            messages.add(
                    new TopicMessage(
                            "m" + i, Map.of("n", MessageAttribute.number(Integer.toString(i)))));
        }
        topic.publishBatch(messages);
        assertThat(delivered(topic)).containsExactlyInAnyOrderElementsOf(messages);
    }

    @Test
    void topicsAreIndependent() throws Exception {
        Topic one = createTopic("contract-one");
        Topic two = createTopic("contract-two");
        one.publish(TopicMessage.of("for one"));
        assertThat(delivered(two)).isEmpty();
        assertThat(delivered(one)).extracting(TopicMessage::body).containsExactly("for one");
        assertThat(one.name()).isEqualTo("contract-one");
    }

    @Test
    void moreThanTenAttributesAreRejectedBeforePublishing() {
        Map<String, MessageAttribute> eleven = new HashMap<>();
        for (int i = 0; i < 11; i++) {
            eleven.put("a" + i, MessageAttribute.string("v"));
        }
        assertThatThrownBy(() -> new TopicMessage("x", eleven))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 10 attributes");
    }
}
