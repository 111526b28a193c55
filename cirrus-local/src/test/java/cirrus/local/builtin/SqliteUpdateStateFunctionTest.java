package cirrus.local.builtin;

import java.nio.file.Path;

import cirrus.runtime.builtin.UpdateStateFunctionSpec;
import cirrus.runtime.testing.PortFactory;

class SqliteUpdateStateFunctionTest extends UpdateStateFunctionSpec {
    @Override
    protected PortFactory ports(Path dir) {
        return new SqlitePorts(dir);
    }
}
