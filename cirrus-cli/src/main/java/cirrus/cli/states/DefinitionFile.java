package cirrus.cli.states;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cirrus.diag.Diagnostic;
import cirrus.diag.Location;
import cirrus.states.model.DefinitionCode;
import cirrus.states.model.FieldPath;
import cirrus.yaml.YamlDocument;
import cirrus.yaml.YamlException;
import cirrus.yaml.YamlLoader;

/**
 * A state machine definition read from a {@code .json}, {@code .yml} or {@code .yaml} file. A
 * cirrus workflow file ({@code name:} and {@code definition:} at the top) is accepted too: its
 * {@code definition} is the machine. Task resources written {@code !GetAtt publish.Arn} or {@code
 * Fn::GetAtt: [publish, Arn]} (a Lambda of the project) become the resource {@code publish}, so
 * that {@code --task publish=...} binds them.
 *
 * @param file the path as given
 * @param name the machine name: the workflow's directory for a cirrus {@code definition.yml}, else
 *     the file name without extension
 * @param definition the ASL definition
 * @param source the whole file as JSON with locations
 * @param prefix where the definition sits in the file ({@code ["definition"]} for workflows)
 * @param warnings non-fatal findings of the YAML loader (e.g. duplicate keys)
 */
public record DefinitionFile(
        Path file,
        String name,
        JsonNode definition,
        LocatedJson source,
        List<Object> prefix,
        List<Diagnostic> warnings) {
    /** Code of a definition file that cannot be read or is not JSON. */
    public static final String UNREADABLE = DefinitionCode.NOT_A_DEFINITION.code();

    public DefinitionFile {
        prefix = List.copyOf(prefix);
        warnings = List.copyOf(warnings);
    }

    /**
     * Reads and parses a definition file.
     *
     * @throws DefinitionFileException when the file cannot be read or parsed
     */
    public static DefinitionFile load(Path file) throws DefinitionFileException {
        String lower = file.toString().toLowerCase(Locale.ROOT);
        LocatedJson source;
        List<Diagnostic> warnings = List.of();
        if (lower.endsWith(".yml") || lower.endsWith(".yaml")) {
            try {
                YamlDocument document = YamlLoader.load(file);
                source = YamlTree.of(document);
                warnings = document.warnings();
            } catch (YamlException e) {
                throw new DefinitionFileException(e.diagnostic());
            }
        } else {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new DefinitionFileException(
                        Diagnostic.error(
                                UNREADABLE,
                                Location.of(file),
                                "cannot read the file: " + e.getMessage()));
            }
            source = LocatedJson.parse(text, file, UNREADABLE);
        }
        JsonNode root = source.tree();
        String base = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        if (root.isObject()
                && root.get("definition") != null
                && root.get("definition").isObject()
                && !root.has("States")) {
            Path parent = file.toAbsolutePath().getParent();
            String name =
                    parent != null && parent.getFileName() != null
                            ? parent.getFileName().toString()
                            : base;
            JsonNode definition = root.get("definition").deepCopy();
            resolveResources(definition);
            return new DefinitionFile(
                    file, name, definition, source, List.of("definition"), warnings);
        }
        JsonNode definition = root.deepCopy();
        resolveResources(definition);
        return new DefinitionFile(file, base, definition, source, List.of(), warnings);
    }

    /** The location of a field of the definition, or of its nearest ancestor that has one. */
    public Location locate(FieldPath path) {
        Map<String, Location> locations = source.locations();
        List<Object> segments = path.segments();
        for (int n = segments.size(); n >= 0; n--) {
            StringBuilder pointer = new StringBuilder();
            for (Object segment : prefix) {
                pointer.append('/').append(LocatedJson.escape(segment.toString()));
            }
            for (Object segment : segments.subList(0, n)) {
                pointer.append('/').append(LocatedJson.escape(segment.toString()));
            }
            Location location = locations.get(pointer.toString());
            if (location != null) {
                return location;
            }
        }
        return Location.of(file);
    }

    /** Rewrites {@code Fn::GetAtt [name, Arn]} Task resources to {@code name}, at any depth. */
    private static void resolveResources(JsonNode node) {
        if (node == null || !node.isObject()) {
            return;
        }
        JsonNode states = node.get("States");
        if (states == null || !states.isObject()) {
            return;
        }
        for (Map.Entry<String, JsonNode> entry : states.properties()) {
            if (!(entry.getValue() instanceof ObjectNode state)) {
                continue;
            }
            String name = getAttName(state.get("Resource"));
            if (name != null) {
                state.put("Resource", name);
            }
            JsonNode branches = state.get("Branches");
            if (branches != null && branches.isArray()) {
                branches.forEach(DefinitionFile::resolveResources);
            }
            resolveResources(state.get("ItemProcessor"));
            resolveResources(state.get("Iterator"));
        }
    }

    private static String getAttName(JsonNode resource) {
        if (resource == null || !resource.isObject() || resource.size() != 1) {
            return null;
        }
        JsonNode att = resource.get("Fn::GetAtt");
        if (att != null
                && att.isArray()
                && att.size() == 2
                && att.get(0).isTextual()
                && "Arn".equals(att.get(1).asText())) {
            return att.get(0).textValue();
        }
        if (att != null && att.isTextual() && att.textValue().endsWith(".Arn")) {
            return att.textValue().substring(0, att.textValue().length() - 4);
        }
        return null;
    }
}
