package cirrus.states.path;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cirrus.states.json.Json;

/** {@code States.StringToJson}, {@code States.JsonToString}, {@code States.JsonMerge}. */
final class JsonFunctions {
    private JsonFunctions() {}

    static JsonNode stringToJson(Invocation inv) {
        String text = inv.string(0);
        if (text.isBlank()) {
            return Json.NODES.nullNode(); // as AWS does for "" and whitespace (recorded)
        }
        try {
            return Json.parse(text);
        } catch (JsonProcessingException e) {
            throw inv.fail("the string is not JSON: " + e.getOriginalMessage());
        }
    }

    static JsonNode jsonToString(Invocation inv) {
        return Json.NODES.textNode(Json.write(inv.args().get(0)));
    }

    /** Shallow merge; AWS rejects deep mode ({@code true}), and so do we. */
    static JsonNode merge(Invocation inv) {
        JsonNode first = inv.object(0);
        JsonNode second = inv.object(1);
        JsonNode deep = inv.args().get(2);
        if (!deep.isBoolean()) {
            throw inv.fail("argument 3 must be a boolean, not " + Invocation.kind(deep));
        }
        if (deep.booleanValue()) {
            throw inv.fail("only the shallow merging mode is supported; pass false");
        }
        ObjectNode merged = Json.object();
        merged.setAll((ObjectNode) first);
        merged.setAll((ObjectNode) second);
        return merged;
    }
}
