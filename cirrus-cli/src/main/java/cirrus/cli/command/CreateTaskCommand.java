package cirrus.cli.command;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import cirrus.cli.CliContext;
import cirrus.cli.UsageException;
import cirrus.project.ComponentType;
import cirrus.scaffold.ComponentScaffold.TaskPart;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cirrus create task -t lambda|batch [-t …] NAME DESCRIPTION…}: a task with a Lambda part, a
 * Batch part, or both.
 */
@Command
public final class CreateTaskCommand extends CreateComponentCommand {
    /** The values {@code -t} accepts, in help order. */
    static final class PartNames extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        PartNames() {
            super(List.of("batch", "lambda"));
        }
    }

    @Option(
            names = {"-t", "--type"},
            required = true,
            paramLabel = "[batch|lambda]",
            completionCandidates = PartNames.class)
    List<String> types;

    public CreateTaskCommand(CliContext context) {
        super(context, ComponentType.TASK);
    }

    @Override
    Set<TaskPart> parts() {
        Set<TaskPart> parts = EnumSet.noneOf(TaskPart.class);
        for (String type : types) {
            if (!new PartNames().contains(type)) {
                throw new UsageException(
                        "Invalid value for '-t' / '--type': '"
                                + type
                                + "' is not one of 'batch', 'lambda'.");
            }
            parts.add(TaskPart.valueOf(type.toUpperCase(Locale.ROOT)));
        }
        return parts;
    }
}
