package cirrus.cli.states;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cirrus.states.json.Json;

/**
 * YAML (1.2 core schema, so {@code True} is a boolean as cirrus definitions write it) converted to
 * a JSON tree with the location of every member. CloudFormation short tags become their long form:
 * {@code !GetAtt a.Arn} → {@code {"Fn::GetAtt": ["a", "Arn"]}}, {@code !Ref X} → {@code {"Ref":
 * "X"}}, {@code !Sub s} → {@code {"Fn::Sub": s}}.
 */
final class LocatedYaml {
    private final String file;
    private final Map<String, Location> locations = new HashMap<>();

    private LocatedYaml(String file) {
        this.file = file;
    }

    static LocatedJson parse(String text, String file) throws DefinitionFileException {
        LoadSettings settings =
                LoadSettings.builder()
                        .setLabel(file)
                        .setSchema(new CoreSchema())
                        .setAllowDuplicateKeys(false)
                        .build();
        try {
            Optional<Node> root = new Compose(settings).composeString(text);
            if (root.isEmpty()) {
                throw new DefinitionFileException(
                        new Location(file, 1, 1), "the file holds no YAML document");
            }
            LocatedYaml reader = new LocatedYaml(file);
            reader.locations.put("", reader.location(root.get().getStartMark()));
            return new LocatedJson(reader.convert(root.get(), ""), reader.locations);
        } catch (MarkedYamlEngineException e) {
            Location at =
                    e.getProblemMark()
                            .map(m -> new Location(file, m.getLine() + 1, m.getColumn() + 1))
                            .orElse(new Location(file, 1, 1));
            throw new DefinitionFileException(
                    at, (e.getContext() == null ? "" : e.getContext() + ", ") + e.getProblem());
        } catch (YamlEngineException e) {
            throw new DefinitionFileException(new Location(file, 1, 1), e.getMessage());
        }
    }

    private JsonNode convert(Node node, String pointer) throws DefinitionFileException {
        JsonNode value;
        if (node instanceof MappingNode mapping) {
            ObjectNode object = Json.object();
            for (NodeTuple tuple : mapping.getValue()) {
                if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                    throw new DefinitionFileException(
                            location(tuple.getKeyNode().getStartMark()),
                            "mapping keys must be plain strings");
                }
                String name = key.getValue();
                String child = pointer + "/" + LocatedJson.escape(name);
                if (object.has(name)) {
                    throw new DefinitionFileException(
                            location(key.getStartMark()), "duplicate key '" + name + "'");
                }
                locations.put(child, location(key.getStartMark()));
                object.set(name, convert(tuple.getValueNode(), child));
            }
            value = object;
        } else if (node instanceof SequenceNode sequence) {
            ArrayNode array = Json.NODES.arrayNode();
            int i = 0;
            for (Node element : sequence.getValue()) {
                String child = pointer + "/" + i++;
                locations.put(child, location(element.getStartMark()));
                array.add(convert(element, child));
            }
            value = array;
        } else {
            value = scalar((ScalarNode) node);
        }
        return cloudFormationTag(node.getTag(), value);
    }

    private JsonNode scalar(ScalarNode node) throws DefinitionFileException {
        String text = node.getValue();
        Tag tag = node.getTag();
        try {
            if (tag.equals(Tag.NULL)) {
                return Json.NODES.nullNode();
            } else if (tag.equals(Tag.BOOL)) {
                return Json.NODES.booleanNode(text.equalsIgnoreCase("true"));
            } else if (tag.equals(Tag.INT)) {
                return integer(text);
            } else if (tag.equals(Tag.FLOAT)) {
                return Json.NODES.numberNode(floating(text));
            }
        } catch (NumberFormatException e) {
            throw new DefinitionFileException(
                    location(node.getStartMark()), "not a number: " + text);
        }
        return Json.NODES.textNode(text);
    }

    private static JsonNode integer(String text) {
        String t = text.replace("_", "");
        BigInteger n;
        if (t.startsWith("0x")) {
            n = new BigInteger(t.substring(2), 16);
        } else if (t.startsWith("0o")) {
            n = new BigInteger(t.substring(2), 8);
        } else {
            n = new BigInteger(t.startsWith("+") ? t.substring(1) : t);
        }
        return n.bitLength() < 32
                ? Json.NODES.numberNode(n.intValue())
                : n.bitLength() < 64
                        ? Json.NODES.numberNode(n.longValue())
                        : Json.NODES.numberNode(n);
    }

    private static double floating(String text) {
        String t = text.toLowerCase(java.util.Locale.ROOT);
        if (t.endsWith(".inf")) {
            return t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (t.equals(".nan")) {
            return Double.NaN;
        }
        return Double.parseDouble(text);
    }

    /** {@code !GetAtt}, {@code !Ref}, {@code !Sub}... as their {@code Fn::} long forms. */
    private static JsonNode cloudFormationTag(Tag tag, JsonNode value) {
        String name = tag.getValue();
        if (!name.startsWith("!")) {
            return value;
        }
        String function = name.substring(1);
        ObjectNode wrapped = Json.object();
        if (function.equals("Ref")) {
            wrapped.set("Ref", value);
        } else if (function.equals("GetAtt")
                && value.isTextual()
                && value.textValue().contains(".")) {
            String text = value.textValue();
            int dot = text.indexOf('.');
            wrapped.putArray("Fn::GetAtt").add(text.substring(0, dot)).add(text.substring(dot + 1));
        } else {
            wrapped.set("Fn::" + function, value);
        }
        return wrapped;
    }

    private Location location(Optional<Mark> mark) {
        return mark.map(m -> new Location(file, m.getLine() + 1, m.getColumn() + 1))
                .orElse(new Location(file, 1, 1));
    }
}
