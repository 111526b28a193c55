package cirrus.local.builtin;

import java.nio.file.Path;

import cirrus.runtime.builtin.ProcessFunctionSpec;
import cirrus.runtime.testing.PortFactory;

class SqliteProcessFunctionTest extends ProcessFunctionSpec {
    @Override
    protected PortFactory ports(Path dir) {
        return new SqlitePorts(dir);
    }
}
