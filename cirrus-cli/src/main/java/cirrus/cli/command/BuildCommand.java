package cirrus.cli.command;

import java.util.concurrent.Callable;

import cirrus.cli.CliContext;
import cirrus.cli.ExitCode;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code cirrus build}: compiles the project into {@code .cirrus/build/serverless.yml}. */
@Command(name = "build", description = "Build the cirrus configuration into a serverless.yml.")
public final class BuildCommand implements Callable<Integer> {
    @Mixin HelpOption help;

    private final CliContext context;

    public BuildCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        context.console().error("Error: 'cirrus build' is not available yet");
        return ExitCode.ERROR;
    }
}
