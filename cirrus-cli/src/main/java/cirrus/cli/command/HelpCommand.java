package cirrus.cli.command;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code cirrus help [COMMAND]...}: the help of a command, the same as {@code cirrus COMMAND...
 * --help}. The command line is rewritten to that form before parsing ({@link #asHelpRequest}), so
 * {@link #call()} is reached only through the rewritten line's root help.
 */
@Command(name = "help", description = "Show the help of COMMAND (or of cirrus).")
public final class HelpCommand implements Callable<Integer> {
    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "command and sub-command")
    List<String> command = new ArrayList<>();

    /** {@code args} with the {@code help} token at {@code index} removed and --help added. */
    public static String[] asHelpRequest(String[] args, int index) {
        List<String> out = new ArrayList<>(List.of(args));
        out.remove(index);
        if (!out.contains("--help") && !out.contains("-h")) {
            out.add("--help");
        }
        return out.toArray(String[]::new);
    }

    @Override
    public Integer call() {
        throw new IllegalStateException("cirrus help is rewritten to --help before parsing");
    }
}
