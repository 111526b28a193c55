package cirrus.local.store;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import cirrus.runtime.port.MutableClock;
import cirrus.runtime.port.StateStore;
import cirrus.runtime.port.StateStoreContractTest;

class SqliteStateStoreTest extends StateStoreContractTest {
    @TempDir Path dir;
    private SqliteDatabase db;

    @Override
    protected StateStore createStore(MutableClock clock) {
        db = SqliteDatabase.open(dir.resolve("state.db"));
        return new SqliteStateStore(db, clock);
    }

    @AfterEach
    void close() {
        db.close();
    }
}
