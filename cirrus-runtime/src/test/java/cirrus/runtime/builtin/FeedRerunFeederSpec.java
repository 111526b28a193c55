package cirrus.runtime.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import cirrus.runtime.json.Json;
import cirrus.runtime.payload.PayloadId;
import cirrus.runtime.port.ReceivedMessage;

/** Port of upstream {@code tests/builtins/feeders/test_rerun.py} plus the query options. */
public abstract class FeedRerunFeederSpec extends BuiltinSpec {
    private FeedRerunFeeder feeder() {
        return new FeedRerunFeeder(states, processQueue, PAYLOAD_BUCKET);
    }

    private List<String> queuedUrls() {
        return processQueue.receive(10, Duration.ofMinutes(1)).stream()
                .map(ReceivedMessage::body)
                .map(b -> Json.parse(b).path("url").asText())
                .toList();
    }

    @Test
    void anEmptyEventFindsNothing() {
        assertThat(feeder().handle(Json.parse("{}")).path("found").asInt()).isZero();
    }

    @Test
    void matchingPayloadsAreSentBackToTheProcessQueueByUrl() {
        for (int i = 0; i < 5; i++) {
            PayloadId id = new PayloadId("col", "wf", "item-" + i);
            if (i < 3) {
                states.setFailed(id, i == 0 ? "Timeout: x" : "Boom");
            } else {
                states.setCompleted(id);
            }
            clock.advance(Duration.ofMinutes(10));
        }
        assertThat(
                        feeder().handle(
                                        Json.parse(
                                                "{\"collections\": \"col\", \"workflow\": \"wf\", \"state\": \"FAILED\"}"))
                                .path("found")
                                .asInt())
                .isEqualTo(3);
        assertThat(queuedUrls())
                .containsExactly(
                        "s3://payloads/col/workflow-wf/item-2/input.json",
                        "s3://payloads/col/workflow-wf/item-1/input.json",
                        "s3://payloads/col/workflow-wf/item-0/input.json");
        assertThat(
                        feeder().handle(
                                        Json.parse(
                                                "{\"collections\": \"col\", \"workflow\": \"wf\", \"error_begins_with\": \"Timeout\"}"))
                                .path("found")
                                .asInt())
                .isEqualTo(1);
        assertThat(
                        feeder().handle(
                                        Json.parse(
                                                "{\"collections\": \"col\", \"workflow\": \"wf\", \"since\": \"25m\"}"))
                                .path("found")
                                .asInt())
                .isEqualTo(2);
        assertThat(
                        feeder().handle(
                                        Json.parse(
                                                "{\"collections\": \"col\", \"workflow\": \"wf\", \"limit\": 4}"))
                                .path("found")
                                .asInt())
                .isEqualTo(4);
    }
}
