package cirrus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cirrus.cli.output.Console;
import cirrus.cli.output.Terminal;

import picocli.CommandLine;

/** How the CLI reports bad input: one line, a stable code, the right exit code, no trace. */
class CliErrorsTest {
    @TempDir Path project;

    @BeforeEach
    void init() {
        assertThat(CliRun.in(project, "init").exitCode()).isZero();
    }

    @Test
    void malformedYamlGivesFileLineColumnAndExit1WithoutStackTrace() throws IOException {
        Path task = Files.createDirectories(project.resolve("tasks/bad"));
        Files.writeString(task.resolve("definition.yml"), "description: x\nlambda: {handler: [\n");
        CliRun run = CliRun.in(project, "show", "tasks");
        assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(run.err())
                .startsWith("tasks/bad/definition.yml:3:1: error[CIRRUS-Y001] invalid YAML: ")
                .doesNotContain("\tat ");
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void verboseOrStacktraceShowTheStackTrace() throws IOException {
        Files.writeString(project.resolve("cirrus.yml"), "service: [\n");
        assertThat(CliRun.in(project, "-v", "show", "tasks").err()).contains("\tat cirrus.");
        CliRun run = CliRun.in(project, "--stacktrace", "show", "tasks");
        assertThat(run.err())
                .startsWith("cirrus.yml:2:1: error[CIRRUS-Y001]")
                .contains("\tat cirrus.");
        assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
    }

    @Test
    void aFailedCreateLeavesNothingBehind() throws IOException {
        Files.writeString(project.resolve("cirrus.yml"), "- not a mapping\n");
        CliRun run = CliRun.in(project, "create", "task", "-t", "lambda", "t", "d");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.ERROR);
        assertThat(run.err()).contains("error[CIRRUS-P010]");
        assertThat(project.resolve("tasks")).isEmptyDirectory();
    }

    @Test
    void anInvalidComponentNameIsAUsageError() {
        CliRun run = CliRun.in(project, "create", "feeder", "../escape", "d");
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("Invalid value for 'name'");
        assertThat(project.resolve("escape")).doesNotExist();
    }

    @Test
    void usageErrorsExit2() {
        assertThat(CliRun.in(project, "--no-such-option").exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(CliRun.in(project, "frobnicate").err())
                .contains("No such command 'frobnicate'.");
        assertThat(CliRun.in(project, "create", "task", "-t", "docker", "x", "y").exitCode())
                .isEqualTo(ExitCode.USAGE);
        assertThat(CliRun.in(project, "show", "tasks", "a", "b", "c").err())
                .contains("Got unexpected extra argument (c)");
    }

    @Test
    void showOfAMissingFileIsAnError() {
        CliRun run = CliRun.in(project, "show", "task", "pre-batch", "readme");
        assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(run.err()).contains("task 'pre-batch' has no README.md");
    }

    @Test
    void commandsAreFoundByPrefixAndAlias() {
        CliRun run = CliRun.in(project, "sh", "t");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("post-batch (built-in, lambda)");
        assertThat(CliRun.in(project, "show", "cf", "-t", "OUTPUTS").out()).startsWith("[Outputs]");
        assertThat(CliRun.in(project, "cr", "fu", "f", "d").err())
                .isEqualTo("function f created\n");
    }

    @Test
    void withoutACommandTheHelpIsPrinted() {
        CliRun run = CliRun.in(project);
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Usage: cirrus [OPTIONS] COMMAND [ARGS]...");
    }

    @Test
    void aBadCirrusDirIsReportedForEveryCommand() {
        CliRun run = CliRun.in(project, Map.of("CIRRUS_DIR", "/does/not/exist"), "show", "tasks");
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("Directory '/does/not/exist' does not exist.");
    }

    @Test
    void unexpectedExceptionsAreInternalErrors() {
        StringWriter err = new StringWriter();
        Console console =
                new Console(
                        new PrintWriter(new StringWriter()), new PrintWriter(err), Terminal.PLAIN);
        CliContext context = new CliContext(console, Environment.current());
        int code =
                new ErrorHandler(context)
                        .handle(
                                new IllegalStateException("boom"),
                                new CommandLine(CommandLine.Model.CommandSpec.create()));
        assertThat(code).isEqualTo(ExitCode.INTERNAL);
        assertThat(err.toString())
                .startsWith("Internal error: java.lang.IllegalStateException: boom")
                .doesNotContain("\tat ");
    }

    @Test
    void coloursAreUsedOnlyWhenTheTerminalAllowsThem() {
        assertThat(Terminal.PLAIN.paint("x", Terminal.Colour.RED)).isEqualTo("x");
        assertThat(new Terminal(true).paint("x", Terminal.Colour.RED))
                .isEqualTo("\u001b[31mx\u001b[0m");
        assertThat(Terminal.detect(Map.of("NO_COLOR", "1")).colour()).isFalse();
        assertThat(CliRun.in(project, "show", "tasks").out()).doesNotContain("\u001b[");
    }
}
