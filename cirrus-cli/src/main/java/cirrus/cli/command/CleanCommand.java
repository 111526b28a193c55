package cirrus.cli.command;

import java.io.IOException;
import java.util.concurrent.Callable;

import cirrus.cli.CliContext;
import cirrus.cli.ExitCode;
import cirrus.project.BuildDirectory;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code cirrus clean}: empties the project's build directory. */
@Command(name = "clean", description = "Remove all files from the cirrus build directory.")
public final class CleanCommand implements Callable<Integer> {
    @Mixin HelpOption help;

    private final CliContext context;

    public CleanCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        BuildDirectory.of(context.requireProjectDirectory()).clean();
        return ExitCode.OK;
    }
}
