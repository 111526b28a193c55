package cirrus.cli.command;

import java.util.concurrent.Callable;
import java.util.function.Supplier;

import cirrus.cli.ExitCode;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cirrus completion bash|zsh}: prints a shell completion script for every command, group and
 * option. Install with {@code source <(cirrus completion bash)} (in {@code ~/.bashrc}) or the same
 * with {@code zsh} (in {@code ~/.zshrc}).
 */
@Command(
        name = "completion",
        description =
                "Print a shell completion script: bash or zsh. Load it with"
                        + " 'source <(cirrus completion bash)'.")
public final class CompletionCommand implements Callable<Integer> {
    /** The shells a script is generated for. */
    enum Shell {
        bash,
        zsh
    }

    @Spec CommandSpec spec;

    @Parameters(paramLabel = "SHELL", description = "bash or zsh")
    Shell shell;

    private final Supplier<CommandLine> fullTree;

    /** {@code fullTree} builds the whole command tree (every command, not the stubs of help). */
    public CompletionCommand(Supplier<CommandLine> fullTree) {
        this.fullTree = fullTree;
    }

    @Override
    public Integer call() {
        String bash = AutoComplete.bash("cirrus", fullTree.get());
        String script =
                shell == Shell.zsh
                        ? "autoload -U +X compinit && compinit\n"
                                + "autoload -U +X bashcompinit && bashcompinit\n"
                                + bash
                        : bash;
        spec.commandLine().getOut().print(script);
        spec.commandLine().getOut().flush();
        return ExitCode.OK;
    }
}
