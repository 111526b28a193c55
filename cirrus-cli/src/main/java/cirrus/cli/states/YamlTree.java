package cirrus.cli.states;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cirrus.diag.Location;
import cirrus.states.json.Json;
import cirrus.yaml.SourceMap;
import cirrus.yaml.YamlDocument;
import cirrus.yaml.YamlTimestamp;

/**
 * A YAML document loaded by the project's {@code YamlLoader} (the way cirrus reads workflow files:
 * YAML 1.1 scalars, CloudFormation short tags in long form) as a JSON tree with locations by JSON
 * Pointer. YAML timestamps stay text, as CloudFormation and Step Functions see them.
 */
final class YamlTree {
    private final SourceMap sources;
    private final Map<String, Location> locations = new HashMap<>();

    private YamlTree(SourceMap sources) {
        this.sources = sources;
    }

    static LocatedJson of(YamlDocument document) {
        YamlTree tree = new YamlTree(document.locations());
        Object root = document.root();
        tree.sources.of(root).ifPresent(l -> tree.locations.put("", l));
        return new LocatedJson(tree.convert(root, ""), tree.locations);
    }

    @SuppressWarnings("unchecked")
    private JsonNode convert(Object value, String pointer) {
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = Json.object();
            for (Map.Entry<String, Object> entry : ((Map<String, Object>) map).entrySet()) {
                String child = pointer + "/" + LocatedJson.escape(entry.getKey());
                sources.key(map, entry.getKey()).ifPresent(l -> locations.put(child, l));
                object.set(entry.getKey(), convert(entry.getValue(), child));
            }
            return object;
        }
        if (value instanceof List<?> list) {
            ArrayNode array = Json.NODES.arrayNode(list.size());
            for (int i = 0; i < list.size(); i++) {
                String child = pointer + "/" + i;
                sources.item(list, i).ifPresent(l -> locations.put(child, l));
                array.add(convert(list.get(i), child));
            }
            return array;
        }
        if (value == null) {
            return Json.NODES.nullNode();
        }
        if (value instanceof Boolean b) {
            return Json.NODES.booleanNode(b);
        }
        if (value instanceof Long n) {
            return n == n.intValue()
                    ? Json.NODES.numberNode(n.intValue())
                    : Json.NODES.numberNode(n);
        }
        if (value instanceof Integer n) {
            return Json.NODES.numberNode(n);
        }
        if (value instanceof BigInteger n) {
            return Json.NODES.numberNode(n);
        }
        if (value instanceof Double d) {
            return Json.NODES.numberNode(d);
        }
        if (value instanceof YamlTimestamp timestamp) {
            return Json.NODES.textNode(timestamp.text());
        }
        return Json.NODES.textNode(value.toString());
    }
}
