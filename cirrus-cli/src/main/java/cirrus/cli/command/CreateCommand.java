package cirrus.cli.command;

import cirrus.cli.CliContext;

import picocli.CommandLine.Command;

/** {@code cirrus create}: the group of {@code create <type>} commands, one per component type. */
@Command(name = "create", description = "Create a new component in the project.")
public final class CreateCommand extends GroupCommand {
    public CreateCommand(CliContext context) {
        super(context);
    }
}
