package cirrus.yaml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.schema.Schema;

import cirrus.diag.Diagnostic;
import cirrus.diag.Location;

/**
 * Reads YAML the way cirrus v0.15.4 does (cfn-flip's loader plus cirrus' pseudo-parameters): YAML
 * 1.1 scalars, CloudFormation short tags turned into their long form ({@code !Ref X} → {@code {Ref:
 * X}}, {@code !GetAtt A.B} → {@code {Fn::GetAtt: [A, B]}}, any other {@code !X v} → {@code {Fn::X:
 * v}}), insertion-ordered mappings with merge keys flattened, and {@code #{AWS::X}} converted by
 * {@link PseudoParameters}. Unlike v0.15.4, the template of a {@code !Sub [template, vars]} is not
 * wrapped in a second {@code Fn::Sub}.
 */
public final class YamlLoader {
    private static final Schema SCHEMA =
            new Schema() {
                private final Yaml11Resolver resolver = new Yaml11Resolver();

                @Override
                public Yaml11Resolver getScalarResolver() {
                    return resolver;
                }

                @Override
                public Map<Tag, org.snakeyaml.engine.v2.api.ConstructNode>
                        getSchemaTagConstructors() {
                    return Map.of();
                }
            };

    private YamlLoader() {}

    /**
     * Loads a file; throws {@link YamlException} with {@code file:line:col} when it is not valid
     * YAML.
     */
    public static YamlDocument load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new YamlException(
                    Diagnostic.error(
                            YamlException.UNREADABLE,
                            Location.of(file),
                            "cannot read YAML file: " + e.getMessage()),
                    e);
        }
        return loadString(text, file);
    }

    /** Loads YAML text; {@code source} names it in locations and messages. */
    public static YamlDocument loadString(String text, Path source) {
        if (text.length() > YamlLimits.MAX_CODE_POINTS) {
            throw new YamlException(
                    Diagnostic.error(
                            YamlException.SYNTAX,
                            YamlLimits.locateOffset(source, text, YamlLimits.MAX_CODE_POINTS),
                            "invalid YAML: the file is larger than "
                                    + YamlLimits.MAX_CODE_POINTS
                                    + " characters"),
                    null);
        }
        LoadSettings settings =
                LoadSettings.builder()
                        .setLabel(source.toString())
                        .setSchema(SCHEMA)
                        .setCodePointLimit(YamlLimits.MAX_CODE_POINTS)
                        .setMaxAliasesForCollections(YamlLimits.MAX_COLLECTION_ALIASES)
                        .build();
        Optional<Node> node;
        try {
            node =
                    new Composer(
                                    settings,
                                    YamlLimits.depthLimited(
                                            new ParserImpl(
                                                    settings, new StreamReader(settings, text))))
                            .getSingleNode();
        } catch (MarkedYamlEngineException e) {
            Mark mark = e.getProblemMark().or(e::getContextMark).orElse(null);
            String problem = e.getProblem() == null ? e.getContext() : e.getProblem();
            String context =
                    e.getContext() != null && !e.getContext().isBlank() && e.getProblem() != null
                            ? " (" + e.getContext() + ")"
                            : "";
            throw new YamlException(
                    Diagnostic.error(
                            YamlException.SYNTAX,
                            locate(source, mark),
                            "invalid YAML: " + oneLine(problem) + oneLine(context)),
                    e);
        } catch (YamlEngineException e) {
            throw new YamlException(
                    Diagnostic.error(
                            YamlException.SYNTAX,
                            Location.of(source),
                            "invalid YAML: " + oneLine(e.getMessage())),
                    e);
        }
        Builder builder = new Builder(source);
        Object root = node.map(n -> builder.value(n, false)).orElse(null);
        return new YamlDocument(source, root, builder.locations, builder.warnings);
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\n\\s*", " ").trim();
    }

    static Location locate(Path source, Mark mark) {
        return mark == null
                ? Location.of(source)
                : new Location(source, mark.getLine() + 1, mark.getColumn() + 1);
    }

    /** Turns composed nodes into the plain tree, recording locations. */
    private static final class Builder {
        private final Path source;
        private final SourceMap locations = new SourceMap();
        private final List<Diagnostic> warnings = new ArrayList<>();
        private final Set<Node> inProgress = Collections.newSetFromMap(new IdentityHashMap<>());
        private final MergeKeys.Budget budget = new MergeKeys.Budget();

        Builder(Path source) {
            this.source = source;
        }

        private Location at(Node node) {
            return locate(source, node.getStartMark().orElse(null));
        }

        private YamlException error(Node node, String message) {
            return new YamlException(
                    Diagnostic.error(YamlException.UNSUPPORTED, at(node), message), null);
        }

        /** A node in value position; {@code subTemplate} when it is the template of an Fn::Sub. */
        Object value(Node node, boolean subTemplate) {
            if (!inProgress.add(node)) {
                throw error(node, "recursive YAML alias is not supported");
            }
            if (inProgress.size() > YamlLimits.MAX_DEPTH) {
                throw error(node, YamlLimits.tooDeep() + " (through aliases)");
            }
            budget.spend(node, 1, this::error);
            try {
                Tag tag = node.getTag();
                String tagValue = tag.getValue();
                if (!tagValue.startsWith(Tag.PREFIX) && tagValue.startsWith("!")) {
                    return intrinsic(node, tagValue.substring(1));
                }
                if (node instanceof ScalarNode s) {
                    Object v = Scalars.construct(s, tag, this::error);
                    return v instanceof String str ? PseudoParameters.convert(str, subTemplate) : v;
                }
                if (node instanceof SequenceNode seq) {
                    return sequence(seq, false);
                }
                return mapping((MappingNode) node);
            } finally {
                inProgress.remove(node);
            }
        }

        private Object intrinsic(Node node, String name) {
            String key = name.equals("Ref") || name.equals("Condition") ? name : "Fn::" + name;
            Object inner;
            if (node instanceof ScalarNode s) {
                String text = s.getValue();
                if (name.equals("GetAtt")) {
                    int dot = text.indexOf('.');
                    List<Object> parts = new ArrayList<>();
                    parts.add(dot < 0 ? text : text.substring(0, dot));
                    if (dot >= 0) {
                        parts.add(text.substring(dot + 1));
                    }
                    locations.container(parts, at(node));
                    inner = parts;
                } else {
                    inner = PseudoParameters.convert(text, key.equals("Fn::Sub"));
                }
            } else if (node instanceof SequenceNode seq) {
                inner = sequence(seq, key.equals("Fn::Sub"));
            } else {
                inner = mapping((MappingNode) node);
            }
            Map<String, Object> wrapped = new LinkedHashMap<>();
            wrapped.put(key, inner);
            locations.container(wrapped, at(node));
            locations.mapEntry(wrapped, key, at(node), at(node));
            return wrapped;
        }

        private List<Object> sequence(SequenceNode seq, boolean isSubArguments) {
            List<Object> list = new ArrayList<>(seq.getValue().size());
            locations.container(list, at(seq));
            int index = 0;
            for (Node item : seq.getValue()) {
                list.add(value(item, isSubArguments && index == 0));
                locations.listItem(list, at(item));
                index++;
            }
            return list;
        }

        private Map<String, Object> mapping(MappingNode map) {
            Map<String, Object> result = new LinkedHashMap<>();
            locations.container(result, at(map));
            MergeKeys.Flattened flat = MergeKeys.flatten(map, budget, this::error);
            for (NodeTuple t : flat.merged()) {
                put(result, t);
            }
            Set<String> seen = new java.util.HashSet<>();
            for (NodeTuple t : flat.explicit()) {
                String key = key(t.getKeyNode());
                if (!seen.add(key)) {
                    warnings.add(
                            Diagnostic.warning(
                                    YamlException.DUPLICATE_KEY,
                                    at(t.getKeyNode()),
                                    "duplicate key '" + key + "': the last value wins"));
                }
                put(result, t);
            }
            return result;
        }

        private void put(Map<String, Object> result, NodeTuple t) {
            String key = key(t.getKeyNode());
            result.put(key, value(t.getValueNode(), key.equals("Fn::Sub")));
            locations.mapEntry(result, key, at(t.getKeyNode()), at(t.getValueNode()));
        }

        private String key(Node keyNode) {
            if (keyNode instanceof ScalarNode s) {
                return s.getValue();
            }
            throw error(keyNode, "only scalar mapping keys are supported");
        }
    }
}
