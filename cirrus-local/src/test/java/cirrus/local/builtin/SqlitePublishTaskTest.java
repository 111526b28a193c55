package cirrus.local.builtin;

import java.nio.file.Path;

import cirrus.runtime.builtin.PublishTaskSpec;
import cirrus.runtime.testing.PortFactory;

class SqlitePublishTaskTest extends PublishTaskSpec {
    @Override
    protected PortFactory ports(Path dir) {
        return new SqlitePorts(dir);
    }
}
