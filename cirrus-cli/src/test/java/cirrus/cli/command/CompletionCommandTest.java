package cirrus.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cirrus.cli.Cli;
import cirrus.cli.Environment;
import cirrus.cli.ExitCode;

/** {@code cirrus completion bash|zsh} prints a script that completes every command and option. */
class CompletionCommandTest {
    @TempDir Path dir;
    String out;
    String err;

    int run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code =
                Cli.run(
                        args,
                        new PrintWriter(o),
                        new PrintWriter(e),
                        new Environment(dir, Map.of()));
        out = o.toString();
        err = e.toString();
        return code;
    }

    @Test
    void bashCompletesNestedCommandsAndOptionsAndIsValidBash()
            throws IOException, InterruptedException {
        assertThat(run("completion", "bash")).as(err).isEqualTo(ExitCode.OK);
        assertThat(out)
                .contains("complete -F")
                .contains("payload")
                .contains("validate")
                .contains("--replace")
                .contains("--cirrus-dir");
        Path script = Files.writeString(dir.resolve("cirrus.bash"), out);
        Process bash = new ProcessBuilder("bash", "-n", script.toString()).start();
        assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(bash.exitValue()).isZero();
    }

    @Test
    void zshLoadsTheBashScriptThroughBashcompinit() {
        assertThat(run("completion", "zsh")).as(err).isEqualTo(ExitCode.OK);
        assertThat(out).startsWith("autoload -U +X compinit").contains("bashcompinit");
    }

    @Test
    void anotherShellIsAUsageError() {
        assertThat(run("completion", "fish")).isEqualTo(ExitCode.USAGE);
        assertThat(err).contains("fish");
    }
}
