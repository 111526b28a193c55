package cirrus.cli.command;

import java.util.concurrent.Callable;

import cirrus.cli.CliContext;
import cirrus.cli.ExitCode;
import cirrus.project.load.BuiltinResources;
import cirrus.project.load.ResourcePlugin;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code cirrus show plugins}: the installed resource plugins, one per line, by name. */
@Command(name = "plugins", description = "View installed plugins.")
public final class ShowPluginsCommand implements Callable<Integer> {
    @Mixin HelpOption help;

    private final CliContext context;

    public ShowPluginsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        for (ResourcePlugin plugin : context.plugins()) {
            if (plugin instanceof BuiltinResources) {
                continue;
            }
            String description = plugin.description();
            context.console()
                    .out()
                    .println(
                            plugin.name() + ":" + (description.isEmpty() ? "" : " " + description));
        }
        return ExitCode.OK;
    }
}
