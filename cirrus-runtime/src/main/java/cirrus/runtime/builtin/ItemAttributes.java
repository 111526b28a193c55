package cirrus.runtime.builtin;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import cirrus.runtime.json.PythonJson;
import cirrus.runtime.port.MessageAttribute;

/**
 * The SNS message attributes publish attaches to an item (subscribers filter on them): {@code
 * collection}, {@code bbox.ll_lon/ll_lat/ur_lon/ur_lat}, {@code start_datetime}, {@code
 * end_datetime}, {@code datetime}, {@code cloud_cover} ({@code eo:cloud_cover}) and {@code status}
 * ({@code created} when the item is new, else {@code updated}) — at most 10, the SNS-to-SQS limit.
 */
final class ItemAttributes {
    private ItemAttributes() {}

    static Map<String, MessageAttribute> of(JsonNode item) {
        Map<String, MessageAttribute> out = new LinkedHashMap<>();
        JsonNode collection = item.get("collection");
        if (collection != null && collection.isTextual()) {
            out.put("collection", MessageAttribute.string(collection.textValue()));
        }
        JsonNode bbox = item.get("bbox");
        if (bbox != null && bbox.isArray() && bbox.size() >= 4) {
            out.put("bbox.ll_lon", MessageAttribute.number(PythonJson.str(bbox.get(0))));
            out.put("bbox.ll_lat", MessageAttribute.number(PythonJson.str(bbox.get(1))));
            out.put("bbox.ur_lon", MessageAttribute.number(PythonJson.str(bbox.get(2))));
            out.put("bbox.ur_lat", MessageAttribute.number(PythonJson.str(bbox.get(3))));
        }
        JsonNode properties = item.path("properties");
        JsonNode datetime = properties.get("datetime");
        putText(out, "start_datetime", first(properties.get("start_datetime"), datetime));
        putText(out, "end_datetime", first(properties.get("end_datetime"), datetime));
        putText(out, "datetime", datetime);
        JsonNode cloud = properties.get("eo:cloud_cover");
        if (cloud != null && cloud.isNumber()) {
            out.put("cloud_cover", MessageAttribute.number(PythonJson.str(cloud)));
        }
        JsonNode created = properties.get("created");
        JsonNode updated = properties.get("updated");
        if (created != null && updated != null) {
            out.put(
                    "status",
                    MessageAttribute.string(created.equals(updated) ? "created" : "updated"));
        }
        return out;
    }

    private static JsonNode first(JsonNode a, JsonNode b) {
        return a != null && !a.isNull() ? a : b;
    }

    private static void putText(Map<String, MessageAttribute> out, String name, JsonNode value) {
        if (value != null && value.isTextual()) {
            out.put(name, MessageAttribute.string(value.textValue()));
        }
    }
}
