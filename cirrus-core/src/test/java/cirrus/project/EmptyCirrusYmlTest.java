package cirrus.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cirrus.diag.Diagnostic;

/** An empty {@code cirrus.yml} (found by the validator's fuzz test) is an empty configuration. */
class EmptyCirrusYmlTest {
    @TempDir Path dir;

    @Test
    void anEmptyCirrusYmlLoadsAsAnEmptyConfiguration() throws IOException {
        Path file = Files.writeString(dir.resolve(Project.CONFIG_FILE), "");
        List<Diagnostic> warnings = new ArrayList<>();

        CirrusConfig config = CirrusConfig.load(file, warnings::add);

        assertThat(warnings).isEmpty();
        assertThat(config.tree())
                .containsKeys("functions", "stepFunctions", "resources", "package");
        assertThat(config.providerEnvironment()).isEmpty();
    }
}
