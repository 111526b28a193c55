package cirrus.local.builtin;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import cirrus.local.store.LocalStores;
import cirrus.local.store.SqliteDatabase;
import cirrus.local.store.SqliteStateStore;
import cirrus.local.store.SqliteTopic;
import cirrus.runtime.port.BlobStore;
import cirrus.runtime.port.LogReader;
import cirrus.runtime.port.Queue;
import cirrus.runtime.port.StateStore;
import cirrus.runtime.port.Topic;
import cirrus.runtime.port.TopicMessage;
import cirrus.runtime.testing.PortFactory;

/** The local adapters (one SQLite file, bucket and log directories) for the builtin specs. */
final class SqlitePorts implements PortFactory {
    private final LocalStores stores;

    SqlitePorts(Path dir) {
        this.stores = LocalStores.open(dir.resolve("local"), Clock.systemUTC());
    }

    @Override
    public StateStore stateStore(Clock clock) {
        SqliteDatabase db = stores.database();
        return new SqliteStateStore(db, clock);
    }

    @Override
    public BlobStore blobStore() {
        return stores.blobStore();
    }

    @Override
    public Queue queue(String name) {
        return stores.queue(name);
    }

    @Override
    public Topic topic(String name) {
        return stores.topic(name);
    }

    @Override
    public List<TopicMessage> published(Topic topic) {
        return ((SqliteTopic) topic).published();
    }

    @Override
    public LogReader logReader() {
        return stores.logs();
    }

    @Override
    public void writeLog(String group, String stream, List<String> lines) {
        stores.logs().append(group, stream, lines);
    }

    @Override
    public void close() {
        stores.close();
    }
}
