package cirrus.local.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import cirrus.runtime.port.Queue;
import cirrus.runtime.port.ReceivedMessage;

/**
 * A queue in the {@code queue_messages} table of a {@link SqliteDatabase}: durable, at-least-once,
 * with visibility timeouts and SQS-style redrive (a message already delivered {@code
 * maxReceiveCount} times moves to the dead-letter queue instead of being delivered again). Messages
 * are delivered in send order among those visible.
 */
public final class SqliteQueue implements Queue {
    /**
     * Where a queue sends messages it gave up on.
     *
     * @param queue the dead-letter queue's name
     * @param maxReceiveCount deliveries before a message moves there (SQS {@code maxReceiveCount})
     */
    public record Redrive(String queue, int maxReceiveCount) {
        public Redrive {
            Objects.requireNonNull(queue, "queue");
            if (maxReceiveCount < 1) {
                throw new IllegalArgumentException("maxReceiveCount must be at least 1");
            }
        }
    }

    private final SqliteDatabase db;
    private final String name;
    private final Clock clock;
    private final Optional<Redrive> redrive;

    public SqliteQueue(SqliteDatabase db, String name, Clock clock, Optional<Redrive> redrive) {
        this.db = db;
        this.name = Objects.requireNonNull(name, "name");
        this.clock = clock;
        this.redrive = redrive;
    }

    /** A queue without dead-letter queue. */
    public SqliteQueue(SqliteDatabase db, String name, Clock clock) {
        this(db, name, clock, Optional.empty());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String send(String body) {
        return sendBatch(List.of(body)).get(0);
    }

    @Override
    public List<String> sendBatch(List<String> bodies) {
        return db.write(c -> insert(c, name, bodies, clock.millis()));
    }

    /** Appends messages to queue {@code queue} inside the caller's transaction. */
    static List<String> insert(Connection c, String queue, List<String> bodies, long now)
            throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement p =
                c.prepareStatement(
                        "INSERT INTO queue_messages (queue, message_id, body, sent_at, visible_at)"
                                + " VALUES (?, ?, ?, ?, ?)")) {
            for (String body : bodies) {
                String id = UUID.randomUUID().toString();
                p.setString(1, queue);
                p.setString(2, id);
                p.setString(3, Objects.requireNonNull(body, "body"));
                p.setLong(4, now);
                p.setLong(5, now);
                p.addBatch();
                ids.add(id);
            }
            p.executeBatch();
        }
        return ids;
    }

    @Override
    public List<ReceivedMessage> receive(int maxMessages, Duration visibilityTimeout) {
        if (maxMessages < 1) {
            throw new IllegalArgumentException("maxMessages must be at least 1");
        }
        return db.write(
                c -> {
                    long now = clock.millis();
                    List<ReceivedMessage> out = new ArrayList<>();
                    // bounded: every pass either delivers or dead-letters the messages it reads
                    for (int pass = 0; pass < 1_000 && out.size() < maxMessages; pass++) {
                        List<Row> rows = visible(c, now, maxMessages - out.size());
                        if (rows.isEmpty()) {
                            break;
                        }
                        for (Row row : rows) {
                            if (redrive.isPresent()
                                    && row.receiveCount >= redrive.get().maxReceiveCount()) {
                                deadLetter(c, row.seq, now);
                            } else {
                                out.add(deliver(c, row, now + visibilityTimeout.toMillis()));
                            }
                        }
                    }
                    return out;
                });
    }

    private record Row(long seq, String messageId, String body, int receiveCount) {}

    private List<Row> visible(Connection c, long now, int limit) throws SQLException {
        try (PreparedStatement p =
                c.prepareStatement(
                        "SELECT seq, message_id, body, receive_count FROM queue_messages WHERE"
                                + " queue = ? AND visible_at <= ? ORDER BY seq LIMIT ?")) {
            p.setString(1, name);
            p.setLong(2, now);
            p.setInt(3, limit);
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    rows.add(
                            new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4)));
                }
            }
            return rows;
        }
    }

    private ReceivedMessage deliver(Connection c, Row row, long invisibleUntil)
            throws SQLException {
        String receipt = UUID.randomUUID().toString();
        try (PreparedStatement p =
                c.prepareStatement(
                        "UPDATE queue_messages SET receive_count = receive_count + 1, visible_at ="
                                + " ?, receipt_handle = ? WHERE seq = ?")) {
            p.setLong(1, invisibleUntil);
            p.setString(2, receipt);
            p.setLong(3, row.seq);
            p.executeUpdate();
        }
        return new ReceivedMessage(row.messageId, row.body, receipt, row.receiveCount + 1);
    }

    private void deadLetter(Connection c, long seq, long now) throws SQLException {
        try (PreparedStatement p =
                c.prepareStatement(
                        "UPDATE queue_messages SET queue = ?, receive_count = 0, visible_at = ?,"
                                + " receipt_handle = NULL WHERE seq = ?")) {
            p.setString(1, redrive.orElseThrow().queue());
            p.setLong(2, now);
            p.setLong(3, seq);
            p.executeUpdate();
        }
    }

    @Override
    public void delete(String receiptHandle) {
        db.write(
                c -> {
                    try (PreparedStatement p =
                            c.prepareStatement(
                                    "DELETE FROM queue_messages WHERE queue = ? AND receipt_handle"
                                            + " = ?")) {
                        p.setString(1, name);
                        p.setString(2, receiptHandle);
                        return p.executeUpdate();
                    }
                });
    }

    @Override
    public void deleteBatch(List<String> receiptHandles) {
        db.write(
                c -> {
                    try (PreparedStatement p =
                            c.prepareStatement(
                                    "DELETE FROM queue_messages WHERE queue = ? AND receipt_handle"
                                            + " = ?")) {
                        for (String handle : receiptHandles) {
                            p.setString(1, name);
                            p.setString(2, handle);
                            p.addBatch();
                        }
                        p.executeBatch();
                    }
                    return null;
                });
    }

    @Override
    public void changeVisibility(String receiptHandle, Duration timeout) {
        db.write(
                c -> {
                    try (PreparedStatement p =
                            c.prepareStatement(
                                    "UPDATE queue_messages SET visible_at = ? WHERE queue = ? AND"
                                            + " receipt_handle = ?")) {
                        p.setLong(1, clock.millis() + timeout.toMillis());
                        p.setString(2, name);
                        p.setString(3, receiptHandle);
                        return p.executeUpdate();
                    }
                });
    }

    @Override
    public long approximateCount() {
        return db.read(
                c -> {
                    try (PreparedStatement p =
                            c.prepareStatement(
                                    "SELECT COUNT(*) FROM queue_messages WHERE queue = ?")) {
                        p.setString(1, name);
                        try (ResultSet rs = p.executeQuery()) {
                            rs.next();
                            return rs.getLong(1);
                        }
                    }
                });
    }
}
