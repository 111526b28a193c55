package cirrus.cli.command;

import java.util.concurrent.Callable;

import cirrus.cli.CliContext;
import cirrus.cli.ExitCode;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that only groups sub-commands ({@code create}, {@code show}): alone, it prints help.
 */
abstract class GroupCommand implements Callable<Integer> {
    @Mixin HelpOption help;

    @Spec CommandSpec spec;

    final CliContext context;

    GroupCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        context.console().out().print(spec.commandLine().getUsageMessage());
        context.console().out().flush();
        return ExitCode.OK;
    }
}
