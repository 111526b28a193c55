package cirrus.local.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import cirrus.runtime.json.Json;
import cirrus.runtime.port.MessageAttribute;
import cirrus.runtime.port.ReceivedMessage;
import cirrus.runtime.port.Topic;
import cirrus.runtime.port.TopicContractTest;
import cirrus.runtime.port.TopicMessage;

class SqliteTopicTest extends TopicContractTest {
    @TempDir Path dir;
    private SqliteDatabase db;

    @BeforeEach
    void open() {
        db = SqliteDatabase.open(dir.resolve("state.db"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Override
    protected Topic createTopic(String name) {
        return new SqliteTopic(db, name, Clock.systemUTC());
    }

    @Override
    protected List<TopicMessage> delivered(Topic topic) {
        return ((SqliteTopic) topic).published();
    }

    @Test
    void aSubscribedQueueGetsTheSnsEnvelope() {
        SqliteTopic topic = new SqliteTopic(db, "publish", Clock.systemUTC());
        SqliteQueue queue = new SqliteQueue(db, "subscriber", Clock.systemUTC());
        topic.subscribe("subscriber");
        topic.subscribe("subscriber");
        topic.publish(
                new TopicMessage(
                        "{\"id\": \"x\"}", Map.of("collection", MessageAttribute.string("c"))));
        List<ReceivedMessage> got = queue.receive(10, Duration.ofMinutes(1));
        assertThat(got).hasSize(1);
        JsonNode envelope = Json.parse(got.get(0).body());
        assertThat(envelope.path("Type").asText()).isEqualTo("Notification");
        assertThat(envelope.path("Message").asText()).isEqualTo("{\"id\": \"x\"}");
        assertThat(envelope.path("TopicArn").asText()).endsWith(":publish");
        assertThat(envelope.at("/MessageAttributes/collection/Value").asText()).isEqualTo("c");
    }
}
