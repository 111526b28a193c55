package cirrus.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Resolves abbreviated command names before picocli parses the arguments, like cirrus v0.15.4: at
 * every level of the command tree a name is matched exactly, then as an alias ({@code sls}, {@code
 * cf}), then as a unique prefix of the names and aliases ({@code cirrus show t} = {@code cirrus
 * show tasks}). An ambiguous prefix or an unknown name is a usage error.
 */
final class CommandNameResolver {
    private CommandNameResolver() {}

    /** {@code args} with every command token replaced by the full command name. */
    static String[] resolve(CommandLine root, String[] args) {
        List<String> out = new ArrayList<>(List.of(args));
        CommandLine current = root;
        int i = 0;
        while (i < out.size()) {
            String arg = out.get(i);
            if (arg.equals("--")) {
                break;
            }
            if (arg.startsWith("-") && arg.length() > 1) {
                i += takesSeparateValue(current.getCommandSpec(), arg) ? 2 : 1;
                continue;
            }
            Map<String, CommandLine> subcommands = current.getSubcommands();
            if (subcommands.isEmpty()) {
                break;
            }
            String name = match(current, arg);
            out.set(i, name);
            current = subcommands.get(name);
            if (current.getCommandSpec().parser().unmatchedOptionsArePositionalParams()) {
                break;
            }
            i++;
        }
        return out.toArray(String[]::new);
    }

    /**
     * The root command {@code args} select, resolved against {@code names} (name or alias to
     * command name); null when {@code args} name no command.
     *
     * @throws CommandLine.ParameterException for an unknown or ambiguous command name
     */
    static String rootCommand(CommandLine root, String[] args, Map<String, String> names) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--")) {
                return null;
            }
            if (arg.startsWith("-") && arg.length() > 1) {
                if (takesSeparateValue(root.getCommandSpec(), arg)) {
                    i++;
                }
                continue;
            }
            return match(root, arg, names);
        }
        return null;
    }

    /** The index of the root command's token in {@code args}, or -1 when there is none. */
    static int rootCommandIndex(CommandLine root, String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--")) {
                return -1;
            }
            if (arg.startsWith("-") && arg.length() > 1) {
                if (takesSeparateValue(root.getCommandSpec(), arg)) {
                    i++;
                }
                continue;
            }
            return i;
        }
        return -1;
    }

    private static boolean takesSeparateValue(CommandSpec spec, String arg) {
        if (arg.contains("=")) {
            return false;
        }
        OptionSpec option = spec.findOption(arg);
        return option != null && option.arity().min() > 0;
    }

    private static String match(CommandLine command, String token) {
        Map<String, String> names = new LinkedHashMap<>();
        command.getSubcommands()
                .forEach((name, sub) -> names.put(name, sub.getCommandSpec().name()));
        return match(command, token, names);
    }

    private static String match(CommandLine command, String token, Map<String, String> names) {
        if (names.containsKey(token)) {
            return names.get(token);
        }
        TreeSet<String> candidates = new TreeSet<>();
        for (Map.Entry<String, String> name : names.entrySet()) {
            if (name.getKey().startsWith(token)) {
                candidates.add(name.getValue());
            }
        }
        if (candidates.size() == 1) {
            return candidates.first();
        }
        if (candidates.isEmpty()) {
            throw new CommandLine.ParameterException(command, "No such command '" + token + "'.");
        }
        throw new CommandLine.ParameterException(
                command,
                "Unknown command '"
                        + token
                        + "'. Did you mean any of these: "
                        + String.join(", ", candidates)
                        + "?");
    }
}
