package cirrus.cli.command;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import cirrus.cli.CliContext;
import cirrus.cli.ExitCode;
import cirrus.cli.UsageException;
import cirrus.project.CloudFormationObject;
import cirrus.project.CloudFormationSection;
import cirrus.project.ProjectException;
import cirrus.yaml.YamlWriter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cirrus show cloudformation|cf [NAME] [-t SECTION]...}: lists the CloudFormation objects
 * the build would include, grouped by section, or shows one. NAME matches case-insensitively,
 * exactly or else as a substring; {@code -t} restricts the sections.
 */
@Command(name = "cloudformation", aliases = "cf")
public final class ShowCloudFormationCommand implements Callable<Integer> {
    /** Error code: nothing matched. */
    public static final String NO_MATCH = "CIRRUS-S002";

    static final class SectionNames extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        SectionNames() {
            for (CloudFormationSection s : CloudFormationSection.values()) {
                add(s.key().toLowerCase(Locale.ROOT));
            }
        }
    }

    @Parameters(index = "0", arity = "0..1", paramLabel = "name")
    String name;

    @Option(
            names = {"-t", "--type"},
            paramLabel =
                    "[conditions|mappings|metadata|outputs|parameters|resources|rules|transform]",
            completionCandidates = SectionNames.class)
    List<String> types = new ArrayList<>();

    @Mixin HelpOption help;

    private final CliContext context;

    public ShowCloudFormationCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Set<CloudFormationSection> sections = sections();
        if (context.projectDirectory().isEmpty()) {
            context.console()
                    .warn(
                            "No cirrus project specified; limited to CloudFormation built-in and"
                                    + " from plugins.");
        }
        String needle = name == null ? null : name.toLowerCase(Locale.ROOT);
        Map<CloudFormationSection, List<CloudFormationObject>> matches = new LinkedHashMap<>();
        int count = 0;
        for (CloudFormationSection section : sections) {
            List<CloudFormationObject> objects =
                    context.project().cloudFormation().stream()
                            .filter(o -> o.section() == section)
                            .toList();
            if (needle != null) {
                List<CloudFormationObject> exact =
                        objects.stream()
                                .filter(o -> o.name().toLowerCase(Locale.ROOT).equals(needle))
                                .toList();
                objects =
                        !exact.isEmpty()
                                ? exact
                                : objects.stream()
                                        .filter(
                                                o ->
                                                        o.name()
                                                                .toLowerCase(Locale.ROOT)
                                                                .contains(needle))
                                        .toList();
            }
            if (!objects.isEmpty()) {
                matches.put(section, objects);
                count += objects.size();
            }
        }
        if (count == 0) {
            throw new ProjectException(
                    NO_MATCH,
                    name == null
                            ? "Cannot show CloudFormation: none found"
                            : "Cannot show CloudFormation: no matches for '" + name + "'");
        }
        PrintWriter out = context.console().out();
        if (count == 1 && name != null) {
            CloudFormationObject o = matches.values().iterator().next().get(0);
            out.println(o.name() + " (" + o.origin() + ")");
            Map<String, Object> inner = new LinkedHashMap<>();
            inner.put(o.name(), o.definition());
            Map<String, Object> tree = new LinkedHashMap<>();
            tree.put(o.section().key(), inner);
            out.print(YamlWriter.write(tree));
            return ExitCode.OK;
        }
        boolean first = true;
        for (Map.Entry<CloudFormationSection, List<CloudFormationObject>> e : matches.entrySet()) {
            if (!first) {
                out.println();
            }
            first = false;
            out.println("[" + e.getKey().key() + "]");
            List<CloudFormationObject> sorted = new ArrayList<>(e.getValue());
            sorted.sort(
                    Comparator.comparing((CloudFormationObject o) -> !o.isBuiltIn())
                            .thenComparing(CloudFormationObject::name));
            for (CloudFormationObject o : sorted) {
                String type = o.type().map(t -> " [" + t + "]").orElse("");
                out.println(o.name() + type + " (" + o.origin() + ")");
            }
        }
        return ExitCode.OK;
    }

    private Set<CloudFormationSection> sections() {
        if (types.isEmpty()) {
            return EnumSet.allOf(CloudFormationSection.class);
        }
        Set<CloudFormationSection> sections = EnumSet.noneOf(CloudFormationSection.class);
        for (String t : types) {
            sections.add(
                    CloudFormationSection.byNameIgnoringCase(t)
                            .orElseThrow(
                                    () ->
                                            new UsageException(
                                                    "Invalid value for '-t' / '--type': '"
                                                            + t
                                                            + "' is not one of "
                                                            + quotedChoices()
                                                            + ".")));
        }
        return sections;
    }

    private static String quotedChoices() {
        List<String> quoted = new ArrayList<>();
        new SectionNames().forEach(s -> quoted.add("'" + s + "'"));
        return String.join(", ", quoted);
    }
}
