package cirrus.cli.command;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import cirrus.cli.CliContext;
import cirrus.cli.ExitCode;
import cirrus.cli.VersionInfo;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The root {@code cirrus} command: global options; without a command it prints its help. */
@Command(
        name = "cirrus",
        description = "cli for cirrus, a serverless STAC-based processing pipeline",
        versionProvider = VersionInfo.class)
public final class RootCommand implements Callable<Integer> {
    @Option(names = "--cirrus-dir", paramLabel = "DIRECTORY")
    Path cirrusDir;

    @Option(
            names = {"-v", "--verbose"},
            description = "Increase logging level. Can be specified multiple times.")
    boolean[] verbose = new boolean[0];

    @Option(names = "--stacktrace", description = "Show stack traces of errors.")
    boolean stacktrace;

    @Option(
            names = {"-V", "--version"},
            versionHelp = true,
            description = "Show the version and exit.")
    boolean version;

    @Mixin HelpOption help;

    @Spec CommandSpec spec;

    private final CliContext context;

    public RootCommand(CliContext context) {
        this.context = context;
    }

    /** The context of this invocation (for subcommands that picocli creates). */
    public CliContext context() {
        return context;
    }

    /** The value of {@code --cirrus-dir}, or null. */
    public Path cirrusDir() {
        return cirrusDir;
    }

    /** How many times {@code -v} was given. */
    public int verbosity() {
        return verbose.length;
    }

    /** Whether {@code --stacktrace} was given. */
    public boolean stacktrace() {
        return stacktrace;
    }

    @Override
    public Integer call() {
        context.console().out().print(spec.commandLine().getUsageMessage());
        context.console().out().flush();
        return ExitCode.OK;
    }
}
