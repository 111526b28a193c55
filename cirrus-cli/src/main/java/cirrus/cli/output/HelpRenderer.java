package cirrus.cli.output;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Renders {@code --help} in the layout of cirrus v0.15.4 (Python click): a usage line, the
 * description indented by two, then {@code Options:} and {@code Commands:} as two-column lists
 * whose second column starts at most 30 characters in and wraps at 78 characters. Used for every
 * command, so the help of commands added later looks the same.
 */
public final class HelpRenderer implements CommandLine.IHelpSectionRenderer {
    /** The help section key under which picocli calls this renderer. */
    public static final String SECTION = "cirrus-help";

    static final int WIDTH = 78;
    private static final int COLUMN_MAX = 30;
    private static final int COLUMN_SPACING = 2;
    private static final int INDENT = 2;

    @Override
    public String render(CommandLine.Help help) {
        return render(help.commandSpec());
    }

    /** The full help text of {@code spec}. */
    public static String render(CommandSpec spec) {
        StringBuilder text = new StringBuilder(usageLine(spec)).append('\n');
        String description = String.join(" ", spec.usageMessage().description()).strip();
        if (!description.isEmpty()) {
            text.append('\n');
            for (String line : TextWrap.wrap(description, WIDTH - INDENT)) {
                text.append(" ".repeat(INDENT)).append(line).append('\n');
            }
        }
        List<String[]> options = optionRows(spec);
        if (!options.isEmpty()) {
            text.append("\nOptions:\n");
            definitionList(text, options);
        }
        List<String[]> commands = commandRows(spec);
        if (!commands.isEmpty()) {
            text.append("\nCommands:\n");
            definitionList(text, commands);
        }
        return text.toString();
    }

    /** {@code Usage: cirrus show [OPTIONS] COMMAND [ARGS]...} for {@code spec}. */
    public static String usageLine(CommandSpec spec) {
        StringBuilder line = new StringBuilder("Usage: ").append(spec.qualifiedName(" "));
        line.append(" [OPTIONS]");
        if (!spec.subcommands().isEmpty()) {
            line.append(" COMMAND [ARGS]...");
        } else {
            for (PositionalParamSpec p : spec.positionalParameters()) {
                if (!p.hidden()) {
                    line.append(' ').append(p.paramLabel());
                }
            }
        }
        return line.toString();
    }

    /** The short help of {@code spec} as listed by its parent: the first description line. */
    public static String shortHelp(CommandSpec spec) {
        String[] header = spec.usageMessage().header();
        if (header.length > 0) {
            return header[0];
        }
        String[] description = spec.usageMessage().description();
        return description.length > 0 ? description[0] : "";
    }

    private static List<String[]> optionRows(CommandSpec spec) {
        List<String[]> rows = new ArrayList<>();
        OptionSpec helpOption = null;
        for (OptionSpec option : spec.options()) {
            if (option.hidden()) {
                continue;
            }
            if (option.usageHelp()) {
                helpOption = option;
                continue;
            }
            rows.add(optionRow(option));
        }
        if (helpOption != null) {
            rows.add(optionRow(helpOption));
        }
        return rows;
    }

    private static String[] optionRow(OptionSpec option) {
        String names = String.join(", ", option.names());
        if (option.arity().max() > 0 && !option.paramLabel().isEmpty()) {
            names += " " + option.paramLabel();
        }
        String help = String.join(" ", option.description()).strip();
        if (option.required()) {
            help = help.isEmpty() ? "[required]" : help + "  [required]";
        }
        return new String[] {names, help};
    }

    private static List<String[]> commandRows(CommandSpec spec) {
        List<String[]> rows = new ArrayList<>();
        Set<CommandSpec> seen = new LinkedHashSet<>();
        for (CommandLine sub : spec.subcommands().values()) {
            CommandSpec s = sub.getCommandSpec();
            if (!seen.add(s) || s.usageMessage().hidden()) {
                continue;
            }
            String name = s.name();
            if (s.aliases().length > 0) {
                name += " (" + String.join(", ", s.aliases()) + ")";
            }
            rows.add(new String[] {name, shortHelp(s)});
        }
        return rows;
    }

    private static void definitionList(StringBuilder text, List<String[]> rows) {
        int widest = 0;
        for (String[] row : rows) {
            widest = Math.max(widest, row[0].length());
        }
        int firstColumn = Math.min(widest, COLUMN_MAX) + COLUMN_SPACING;
        for (String[] row : rows) {
            text.append(" ".repeat(INDENT)).append(row[0]);
            if (row[1].isEmpty()) {
                text.append('\n');
                continue;
            }
            if (row[0].length() <= firstColumn - COLUMN_SPACING) {
                text.append(" ".repeat(firstColumn - row[0].length()));
            } else {
                text.append('\n').append(" ".repeat(firstColumn + INDENT));
            }
            int textWidth = Math.max(WIDTH - firstColumn - 2, 10);
            List<String> lines = TextWrap.wrap(row[1], textWidth);
            text.append(lines.get(0)).append('\n');
            for (String line : lines.subList(1, lines.size())) {
                text.append(" ".repeat(firstColumn + INDENT)).append(line).append('\n');
            }
        }
    }
}
