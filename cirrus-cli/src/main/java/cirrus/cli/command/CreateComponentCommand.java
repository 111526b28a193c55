package cirrus.cli.command;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import cirrus.cli.CliContext;
import cirrus.cli.ExitCode;
import cirrus.cli.UsageException;
import cirrus.project.ComponentType;
import cirrus.project.Source;
import cirrus.project.load.ComponentLoader;
import cirrus.scaffold.ComponentScaffold;
import cirrus.scaffold.ComponentScaffold.TaskPart;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code cirrus create feeder|function|workflow NAME DESCRIPTION…}: writes a new component into the
 * project from the built-in templates. The description is the rest of the command line.
 */
@Command
public class CreateComponentCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "name")
    String name;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "description")
    List<String> description;

    @Mixin HelpOption help;

    final CliContext context;
    private final ComponentType type;

    public CreateComponentCommand(CliContext context, ComponentType type) {
        this.context = context;
        this.type = type;
    }

    /** The parts to create; only tasks have a choice. */
    Set<TaskPart> parts() {
        return Set.of(TaskPart.LAMBDA);
    }

    @Override
    public Integer call() throws IOException {
        Set<TaskPart> parts = parts();
        if (!ComponentScaffold.isValidName(name)) {
            throw new UsageException(
                    "Invalid value for 'name': '"
                            + name
                            + "' is not a valid component name (use letters, digits, '-' and"
                            + " '_', starting with a letter or digit).");
        }
        Path project = context.requireProjectDirectory();
        ComponentScaffold.Request request =
                new ComponentScaffold.Request(type, name, String.join(" ", description), parts);
        ComponentLoader loader =
                new ComponentLoader(context.project().config(), context.paths(), context::report);
        ComponentScaffold.create(
                project,
                request,
                context.paths(),
                (dir, req) -> loader.loadStrictly(type, name, dir, Source.PROJECT));
        context.console().success(type.typeName() + " " + name + " created");
        return ExitCode.OK;
    }
}
