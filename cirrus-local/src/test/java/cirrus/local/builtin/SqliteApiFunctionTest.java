package cirrus.local.builtin;

import java.nio.file.Path;

import cirrus.runtime.builtin.ApiFunctionSpec;
import cirrus.runtime.testing.PortFactory;

class SqliteApiFunctionTest extends ApiFunctionSpec {
    @Override
    protected PortFactory ports(Path dir) {
        return new SqlitePorts(dir);
    }
}
