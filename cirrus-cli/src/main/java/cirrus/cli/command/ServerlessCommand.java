package cirrus.cli.command;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import cirrus.cli.CliContext;
import cirrus.cli.ExitCode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code cirrus serverless|sls [SLS_ARGS]...}: runs the Serverless Framework in the build
 * directory, passing every argument through unchanged (unknown options included).
 */
@Command(
        name = "serverless",
        aliases = "sls",
        description = "Run serverless within the cirrus build directory.")
public final class ServerlessCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "[SLS_ARGS]...")
    List<String> slsArgs = new ArrayList<>();

    @Mixin HelpOption help;

    private final CliContext context;

    public ServerlessCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        context.console().error("Error: 'cirrus serverless' is not available yet");
        return ExitCode.ERROR;
    }
}
