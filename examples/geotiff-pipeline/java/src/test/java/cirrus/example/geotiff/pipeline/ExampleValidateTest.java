package cirrus.example.geotiff.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cirrus.cli.ExitCode;

/** {@code cirrus validate --strict} finds nothing to say about the example. */
class ExampleValidateTest {
    @TempDir Path dir;

    @Test
    void theExampleValidatesCleanEvenStrictly() throws Exception {
        ExampleProject project = ExampleProject.copyTo(dir);
        ExampleProject.Result r = project.cirrus("validate", "--strict");
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(ExitCode.OK);
        assertThat(r.out() + r.err()).contains("no errors, no warnings");
    }
}
