package cirrus.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import cirrus.cli.command.PayloadCommand;
import cirrus.cli.command.StatesCommand;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Builds the picocli command tree with the given output streams and maps every failure to an exit
 * code. Tests call {@link #run} in-process.
 */
public final class Cli {
    private Cli() {}

    /** The root {@code cirrus} command. */
    @Command(
            name = "cirrus",
            description = "cli for cirrus, a serverless STAC-based processing pipeline",
            mixinStandardHelpOptions = false)
    static final class Root implements Callable<Integer> {
        @Option(
                names = {"-v", "--verbose"},
                description = "Increase logging level. Can be specified multiple times.")
        boolean[] verbose = new boolean[0];

        @Option(names = "--stacktrace", description = "Show stack traces of errors.")
        boolean stacktrace;

        @CommandLine.Spec CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().usage(spec.commandLine().getOut());
            return ExitCode.OK;
        }
    }

    /**
     * Runs the command line {@code args}, writing results to {@code out} and messages to {@code
     * err}.
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Root());
        cl.addSubcommand("payload", new PayloadCommand());
        cl.addSubcommand("states", new StatesCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler(
                (ex, commandLine, parseResult) -> {
                    err.println("Error: " + ex.getMessage());
                    return ExitCode.ERROR;
                });
        return cl.execute(args);
    }
}
