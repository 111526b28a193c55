package cirrus.cli.command;

import picocli.CommandLine.Option;

/** The {@code --help} option every command has (click style: no {@code -h}). */
public final class HelpOption {
    @Option(names = "--help", usageHelp = true, description = "Show this message and exit.")
    boolean help;
}
