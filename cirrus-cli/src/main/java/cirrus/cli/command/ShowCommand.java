package cirrus.cli.command;

import cirrus.cli.CliContext;

import picocli.CommandLine.Command;

/** {@code cirrus show}: lists and shows components, files, CloudFormation objects and plugins. */
@Command(name = "show", description = "Multifunction command to list/show components, files, etc.")
public final class ShowCommand extends GroupCommand {
    public ShowCommand(CliContext context) {
        super(context);
    }
}
