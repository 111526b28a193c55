package cirrus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import cirrus.cli.output.Console;
import cirrus.cli.output.Terminal;

import picocli.CommandLine;

/**
 * Every command and group of {@code cirrus}, found by walking the command tree (so commands added
 * later are covered without listing them), answers {@code --help}, {@code -h} and {@code cirrus
 * help ...} with exit 0 and a usage line, and never needs a project or its arguments for that.
 */
class HelpEverywhereTest {
    @TempDir Path empty;

    /** Every command path of the tree, e.g. {@code [payload, validate]}. */
    static List<List<String>> commandPaths() {
        CliContext context =
                new CliContext(
                        new Console(
                                new PrintWriter(new StringWriter()),
                                new PrintWriter(new StringWriter()),
                                Terminal.PLAIN),
                        new Environment(Path.of("."), Map.of()));
        List<List<String>> paths = new ArrayList<>();
        for (String name : Cli.commands(context).names().keySet()) {
            CommandLine root = Cli.commandTree(context, name);
            String full = CommandNameResolver.resolve(root, new String[] {name})[0];
            if (full.equals(name)) {
                collect(root.getSubcommands().get(name), List.of(name), paths);
            }
        }
        return paths;
    }

    private static void collect(CommandLine command, List<String> path, List<List<String>> out) {
        out.add(path);
        command.getSubcommands()
                .forEach(
                        (name, sub) -> {
                            if (sub.getCommandSpec().name().equals(name)) { // not an alias
                                List<String> next = new ArrayList<>(path);
                                next.add(name);
                                collect(sub, next, out);
                            }
                        });
    }

    @Test
    void theWalkFindsTheNestedCommands() {
        assertThat(commandPaths())
                .contains(
                        List.of("payload", "validate"),
                        List.of("payload", "submit"),
                        List.of("create", "task"),
                        List.of("show", "cloudformation"),
                        List.of("states", "execute"))
                .hasSizeGreaterThan(30);
    }

    @TestFactory
    Stream<DynamicTest> everyCommandAnswersHelpWithAUsageLine() {
        return commandPaths().stream()
                .flatMap(
                        path -> {
                            // `cirrus help --help` is the help of cirrus, like `cirrus help`
                            String usage =
                                    path.equals(List.of("help"))
                                            ? "Usage: cirrus "
                                            : "Usage: cirrus " + String.join(" ", path) + " ";
                            List<String> help = new ArrayList<>(path);
                            help.add("--help");
                            List<String> h = new ArrayList<>(path);
                            h.add("-h");
                            List<String> helpCommand = new ArrayList<>(List.of("help"));
                            helpCommand.addAll(path);
                            return Stream.of(help, h, helpCommand)
                                    .map(
                                            args ->
                                                    DynamicTest.dynamicTest(
                                                            String.join(" ", args),
                                                            () -> assertHelp(args, usage)));
                        });
    }

    private void assertHelp(List<String> args, String usage) {
        CliRun run = CliRun.in(empty, args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).as(run.toString()).startsWith(usage).contains("--help");
        assertThat(run.err()).as(run.toString()).isEmpty();
    }

    @Test
    void theRootAnswersHelpInEveryForm() {
        for (String[] args : new String[][] {{"--help"}, {"-h"}, {"help"}}) {
            CliRun run = CliRun.in(empty, args);
            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).startsWith("Usage: cirrus [OPTIONS] COMMAND [ARGS]...");
        }
    }

    @Test
    void versionNamesTheBuildTheCommitAndTheJavaRuntime() {
        for (String flag : List.of("--version", "-V")) {
            CliRun run = CliRun.in(empty, flag);
            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out().lines())
                    .hasSize(3)
                    .satisfies(l -> assertThat(l.get(0)).matches("cirrus \\S+"))
                    .satisfies(l -> assertThat(l.get(1)).matches("commit \\S+"))
                    .satisfies(
                            l ->
                                    assertThat(l.get(2))
                                            .startsWith(
                                                    "java " + System.getProperty("java.version")));
        }
    }

    @Test
    void helpOfAnUnknownCommandIsAUsageError() {
        CliRun run = CliRun.in(empty, "help", "no-such-command");
        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains("No such command 'no-such-command'.");
    }
}
