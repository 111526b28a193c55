package cirrus.local.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cirrus.runtime.json.Json;
import cirrus.runtime.port.MessageAttribute;
import cirrus.runtime.port.Topic;
import cirrus.runtime.port.TopicMessage;
import cirrus.runtime.statedb.IsoTime;

/**
 * A topic in the {@code topic_messages} table of a {@link SqliteDatabase}. Every message is kept
 * (for the dashboard and tests, see {@link #published()}); queues {@linkplain #subscribe
 * subscribed} to the topic receive it wrapped in the SNS notification envelope, exactly as an SQS
 * queue subscribed to an SNS topic does.
 */
public final class SqliteTopic implements Topic {
    private final SqliteDatabase db;
    private final String name;
    private final Clock clock;

    public SqliteTopic(SqliteDatabase db, String name, Clock clock) {
        this.db = db;
        this.name = Objects.requireNonNull(name, "name");
        this.clock = clock;
    }

    @Override
    public String name() {
        return name;
    }

    /** The ARN-like name used in SNS envelopes. */
    public String arn() {
        return "arn:aws:sns:local:000000000000:" + name;
    }

    /** Delivers future messages of this topic to {@code queue} (idempotent). */
    public void subscribe(String queue) {
        db.write(
                c -> {
                    try (PreparedStatement p =
                            c.prepareStatement(
                                    "INSERT OR IGNORE INTO topic_subscriptions VALUES (?, ?)")) {
                        p.setString(1, name);
                        p.setString(2, queue);
                        return p.executeUpdate();
                    }
                });
    }

    @Override
    public String publish(TopicMessage message) {
        return db.write(c -> insert(c, message));
    }

    @Override
    public void publishBatch(List<TopicMessage> messages) {
        db.write(
                c -> {
                    for (TopicMessage message : messages) {
                        insert(c, message);
                    }
                    return null;
                });
    }

    private String insert(Connection c, TopicMessage message) throws SQLException {
        String id = UUID.randomUUID().toString();
        String now = IsoTime.format(clock.instant());
        ObjectNode attributes = Json.MAPPER.createObjectNode();
        message.attributes()
                .forEach(
                        (key, a) ->
                                attributes
                                        .putObject(key)
                                        .put("Type", a.dataType().wireName())
                                        .put("Value", a.value()));
        try (PreparedStatement p =
                c.prepareStatement(
                        "INSERT INTO topic_messages (topic, message_id, body, attributes,"
                                + " published_at) VALUES (?, ?, ?, ?, ?)")) {
            p.setString(1, name);
            p.setString(2, id);
            p.setString(3, message.body());
            p.setString(4, Json.write(attributes));
            p.setString(5, now);
            p.executeUpdate();
        }
        List<String> queues = new ArrayList<>();
        try (PreparedStatement p =
                c.prepareStatement("SELECT queue FROM topic_subscriptions WHERE topic = ?")) {
            p.setString(1, name);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    queues.add(rs.getString(1));
                }
            }
        }
        if (!queues.isEmpty()) {
            ObjectNode envelope = Json.MAPPER.createObjectNode();
            envelope.put("Type", "Notification")
                    .put("MessageId", id)
                    .put("TopicArn", arn())
                    .put("Message", message.body())
                    .put("Timestamp", now);
            if (!attributes.isEmpty()) {
                envelope.set("MessageAttributes", attributes);
            }
            for (String queue : queues) {
                SqliteQueue.insert(c, queue, List.of(Json.write(envelope)), clock.millis());
            }
        }
        return id;
    }

    /** Every message published to this topic, oldest first. */
    public List<TopicMessage> published() {
        return db.read(
                c -> {
                    List<TopicMessage> out = new ArrayList<>();
                    try (PreparedStatement p =
                            c.prepareStatement(
                                    "SELECT body, attributes FROM topic_messages WHERE topic = ?"
                                            + " ORDER BY seq")) {
                        p.setString(1, name);
                        try (ResultSet rs = p.executeQuery()) {
                            while (rs.next()) {
                                out.add(
                                        new TopicMessage(
                                                rs.getString(1), attributes(rs.getString(2))));
                            }
                        }
                    }
                    return out;
                });
    }

    private static Map<String, MessageAttribute> attributes(String json) {
        Map<String, MessageAttribute> out = new LinkedHashMap<>();
        JsonNode node = Json.parse(json);
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String type = e.getValue().path("Type").asText();
            String value = e.getValue().path("Value").asText();
            out.put(
                    e.getKey(),
                    type.equals("Number")
                            ? MessageAttribute.number(value)
                            : MessageAttribute.string(value));
        }
        return out;
    }
}
