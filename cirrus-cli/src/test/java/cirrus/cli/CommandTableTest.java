package cirrus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import cirrus.cli.output.Console;
import cirrus.cli.output.Terminal;

import picocli.CommandLine;

/** Only the root command a command line selects is built; the others are light stubs. */
class CommandTableTest {
    private final CliContext context =
            new CliContext(
                    new Console(
                            new PrintWriter(new StringWriter()),
                            new PrintWriter(new StringWriter()),
                            Terminal.PLAIN),
                    new Environment(Path.of("/"), java.util.Map.of()));

    @Test
    void theSelectedCommandIsBuiltAndTheOthersAreStubs() {
        CommandLine root = Cli.commandTree(context, "-v", "sh", "tasks");
        assertThat(root.getSubcommands().get("show").getSubcommands()).containsKey("tasks");
        assertThat(root.getSubcommands().get("build").getCommandSpec().options()).isEmpty();
        assertThat(root.getSubcommands().get("show").getCommandSpec().options()).isNotEmpty();
    }

    @Test
    void stubsCarryNamesAliasesAndDescriptionsForHelpAndMatching() {
        CommandLine root = Cli.commandTree(context);
        CommandLine serverless = root.getSubcommands().get("sls");
        assertThat(serverless.getCommandSpec().name()).isEqualTo("serverless");
        assertThat(serverless.getCommandSpec().usageMessage().description())
                .containsExactly("Run serverless within the cirrus build directory.");
        assertThat(root.getSubcommands().keySet())
                .startsWith("build", "clean", "create", "init", "serverless", "sls", "show");
    }
}
