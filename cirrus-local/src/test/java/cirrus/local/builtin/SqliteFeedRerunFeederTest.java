package cirrus.local.builtin;

import java.nio.file.Path;

import cirrus.runtime.builtin.FeedRerunFeederSpec;
import cirrus.runtime.testing.PortFactory;

class SqliteFeedRerunFeederTest extends FeedRerunFeederSpec {
    @Override
    protected PortFactory ports(Path dir) {
        return new SqlitePorts(dir);
    }
}
