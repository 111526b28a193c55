package cirrus.cli.output;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Gives every command of a tree {@code --help} and {@code -h}, whether or not its class declares
 * them, so that a command added later cannot forget help. {@code -h} is accepted but not listed,
 * which keeps the help of the cirrus v0.15.4 commands identical to click's.
 */
public final class HelpOptions {
    private HelpOptions() {}

    /** Adds the missing help options to {@code command} and all its sub-commands. */
    public static void ensure(CommandLine command) {
        CommandSpec spec = command.getCommandSpec();
        if (spec.findOption("--help") == null) {
            spec.addOption(
                    OptionSpec.builder("--help")
                            .usageHelp(true)
                            .description("Show this message and exit.")
                            .build());
        }
        if (spec.findOption("-h") == null) {
            spec.addOption(OptionSpec.builder("-h").usageHelp(true).hidden(true).build());
        }
        for (CommandLine sub : command.getSubcommands().values()) {
            ensure(sub);
        }
    }
}
