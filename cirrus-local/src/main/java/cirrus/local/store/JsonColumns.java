package cirrus.local.store;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

import cirrus.runtime.json.Json;

/** JSON-array text columns (executions, outputs) of the SQLite tables. */
final class JsonColumns {
    private JsonColumns() {}

    static String write(List<String> values) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        values.forEach(array::add);
        return Json.write(array);
    }

    static List<String> readList(String json) {
        List<String> out = new ArrayList<>();
        for (JsonNode node : Json.parse(json)) {
            out.add(node.asText());
        }
        return out;
    }
}
