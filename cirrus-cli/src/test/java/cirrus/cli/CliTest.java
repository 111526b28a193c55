package cirrus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

class CliTest {
    @Test
    void unknownOptionIsAUsageError() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code =
                Cli.run(
                        new String[] {"--no-such-option"},
                        new PrintWriter(out),
                        new PrintWriter(err));
        assertThat(code).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("--no-such-option");
    }
}
