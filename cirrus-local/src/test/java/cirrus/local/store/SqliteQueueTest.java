package cirrus.local.store;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import cirrus.runtime.port.Queue;
import cirrus.runtime.port.QueueContractTest;

class SqliteQueueTest extends QueueContractTest {
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
    protected Queue createQueue(String name) {
        return new SqliteQueue(db, name, Clock.systemUTC());
    }

    @Override
    protected QueueWithDeadLetter createQueueWithDeadLetter(String name, int maxReceiveCount) {
        Queue dead = new SqliteQueue(db, name + "-dead-letter", Clock.systemUTC());
        Queue queue =
                new SqliteQueue(
                        db,
                        name,
                        Clock.systemUTC(),
                        Optional.of(new SqliteQueue.Redrive(dead.name(), maxReceiveCount)));
        return new QueueWithDeadLetter(queue, dead);
    }
}
