package cirrus.local.store;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * The local storage of one project: {@code <root>/state.db} (state, queues, topics), {@code
 * <root>/buckets/<bucket>/…} and {@code <root>/logs/…}, where {@code root} is usually {@code
 * <project>/.cirrus/local}. The one place that opens the embedded adapters.
 */
public final class LocalStores implements AutoCloseable {
    private final Path root;
    private final Clock clock;
    private final SqliteDatabase database;
    private final DirectoryBlobStore blobs;
    private final FileLogs logs;

    private LocalStores(Path root, Clock clock) {
        this.root = root;
        this.clock = clock;
        this.database = SqliteDatabase.open(root.resolve("state.db"));
        this.blobs = new DirectoryBlobStore(root.resolve("buckets"));
        this.logs = new FileLogs(root.resolve("logs"));
    }

    /** Opens (creating) the local storage under {@code root}. */
    public static LocalStores open(Path root, Clock clock) {
        return new LocalStores(
                Objects.requireNonNull(root, "root"), Objects.requireNonNull(clock, "clock"));
    }

    public Path root() {
        return root;
    }

    public SqliteDatabase database() {
        return database;
    }

    public SqliteStateStore stateStore() {
        return new SqliteStateStore(database, clock);
    }

    public DirectoryBlobStore blobStore() {
        return blobs;
    }

    public FileLogs logs() {
        return logs;
    }

    /** A queue without dead-letter queue. */
    public SqliteQueue queue(String name) {
        return new SqliteQueue(database, name, clock);
    }

    /** A queue that moves a message to {@code redrive.queue()} after too many deliveries. */
    public SqliteQueue queue(String name, SqliteQueue.Redrive redrive) {
        return new SqliteQueue(database, name, clock, Optional.of(redrive));
    }

    public SqliteTopic topic(String name) {
        return new SqliteTopic(database, name, clock);
    }

    @Override
    public void close() {
        database.close();
    }
}
