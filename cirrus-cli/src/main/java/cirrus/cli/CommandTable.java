package cirrus.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The root commands of {@code cirrus}, in help order. picocli inspects a command by reflection when
 * it is added, which dominates start-up; so only the command a command line selects is built for
 * real, and every other one is added as a stub that carries just its name, aliases and description
 * (enough to list it in {@code cirrus --help} and to match abbreviations).
 */
final class CommandTable {
    private record Entry(String name, Class<?> type, Supplier<Object> factory) {}

    private final List<Entry> entries = new ArrayList<>();

    /** Adds a command named by its {@code @Command} annotation. */
    CommandTable add(Class<?> type, Supplier<Object> factory) {
        return add(type.getAnnotation(Command.class).name(), type, factory);
    }

    /**
     * Adds a command under {@code name}; {@code factory} returns the command object or a configured
     * {@link CommandLine}.
     */
    CommandTable add(String name, Class<?> type, Supplier<Object> factory) {
        if (type.getAnnotation(Command.class) == null) {
            throw new IllegalArgumentException(type + " has no @Command annotation");
        }
        entries.add(new Entry(name, type, factory));
        return this;
    }

    /** Every name and alias of the root commands, mapped to the command's name. */
    Map<String, String> names() {
        Map<String, String> names = new LinkedHashMap<>();
        for (Entry e : entries) {
            names.put(e.name(), e.name());
            for (String alias : e.type().getAnnotation(Command.class).aliases()) {
                names.put(alias, e.name());
            }
        }
        return names;
    }

    /**
     * Adds the commands to {@code root}: {@code selected} (may be null) for real, others as stubs.
     */
    void addTo(CommandLine root, String selected) {
        for (Entry e : entries) {
            if (e.name().equals(selected)) {
                Object command = e.factory().get();
                if (command instanceof CommandLine commandLine) {
                    root.addSubcommand(e.name(), commandLine);
                } else {
                    root.addSubcommand(e.name(), command);
                }
            } else {
                root.addSubcommand(e.name(), new CommandLine(stub(e)));
            }
        }
    }

    /** Adds every command to {@code root}, all built for real. */
    void addAllTo(CommandLine root) {
        for (Entry e : entries) {
            Object command = e.factory().get();
            if (command instanceof CommandLine commandLine) {
                root.addSubcommand(e.name(), commandLine);
            } else {
                root.addSubcommand(e.name(), command);
            }
        }
    }

    private static CommandSpec stub(Entry e) {
        Command annotation = e.type().getAnnotation(Command.class);
        CommandSpec spec = CommandSpec.create().name(e.name()).aliases(annotation.aliases());
        spec.usageMessage()
                .description(annotation.description())
                .header(annotation.header())
                .hidden(annotation.hidden());
        return spec;
    }
}
