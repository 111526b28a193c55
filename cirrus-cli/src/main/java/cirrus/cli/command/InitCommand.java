package cirrus.cli.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import cirrus.cli.CliContext;
import cirrus.cli.ExitCode;
import cirrus.cli.UsageException;
import cirrus.scaffold.ProjectInitializer;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code cirrus init [DIRECTORY]}: makes a directory (default: the current one) a project. */
@Command(name = "init", description = "Initialize a cirrus project in DIRECTORY.")
public final class InitCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "[DIRECTORY]")
    Path directory;

    @Mixin HelpOption help;

    private final CliContext context;

    public InitCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        Path dir = context.environment().workingDirectory();
        if (directory != null) {
            dir = dir.resolve(directory).normalize();
            String invalid = "Invalid value for '[DIRECTORY]': Directory '" + directory + "' ";
            if (!Files.exists(dir)) {
                throw new UsageException(invalid + "does not exist.");
            }
            if (!Files.isDirectory(dir)) {
                throw new UsageException(invalid + "is a file.");
            }
            if (!Files.isWritable(dir)) {
                throw new UsageException(invalid + "is not writable.");
            }
        }
        ProjectInitializer.Result result = ProjectInitializer.initialize(dir);
        for (String skipped : result.skipped()) {
            context.console().info(skipped + " already exists, skipping");
        }
        context.console()
                .success("Successfully initialized project in '" + result.directory() + "'.");
        return ExitCode.OK;
    }
}
