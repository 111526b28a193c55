package cirrus.local.engine;

import java.io.IOException;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.node.ObjectNode;

import cirrus.local.model.LocalModel;

/** Public entry to the engine test fixtures for tests of other packages. */
public final class TestFixtures {
    private TestFixtures() {}

    /** The init-only project (builtins on Java) in {@code dir}. */
    public static LocalModel initOnlyModel(Path dir) throws IOException {
        return TestProjects.initOnly(dir).model();
    }

    /** A one-item payload for {@code workflow}. */
    public static ObjectNode payload(String workflow, String itemId) {
        return TestProjects.payload(workflow, itemId);
    }
}
