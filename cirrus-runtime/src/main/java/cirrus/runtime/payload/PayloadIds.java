package cirrus.runtime.payload;

import static cirrus.runtime.payload.InvalidPayloadException.Code.MISSING_FIELD;
import static cirrus.runtime.payload.InvalidPayloadException.Code.WRONG_TYPE;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Derives a payload id from its features, as cirrus v0.15.4 {@code set_id}: {@code
 * <collections>/workflow-<workflow>/<item ids>} where collections are {@code process.collections}
 * if given, else the sorted distinct item collections joined by {@code /}, or {@code none}; item
 * ids are the sorted ids joined by {@code /}. Sorting is by code point, like Python.
 */
final class PayloadIds {
    /** Python's string order (code points), which differs from UTF-16 order above U+FFFF. */
    static final Comparator<String> PYTHON_ORDER =
            (a, b) -> {
                int i = 0;
                int j = 0;
                while (i < a.length() && j < b.length()) {
                    int ca = a.codePointAt(i);
                    int cb = b.codePointAt(j);
                    if (ca != cb) {
                        return Integer.compare(ca, cb);
                    }
                    i += Character.charCount(ca);
                    j += Character.charCount(cb);
                }
                return Integer.compare(a.length() - i, b.length() - j);
            };

    private PayloadIds() {}

    static String derive(ObjectNode process, ArrayNode features) {
        String workflow = ProcessPayload.requireText(process, "workflow");
        if (features.isEmpty()) {
            throw new InvalidPayloadException(
                    MISSING_FIELD, "features", "at least one feature is needed to derive the id");
        }
        List<String> ids = new ArrayList<>();
        TreeSet<String> collections = new TreeSet<>(PYTHON_ORDER);
        for (int i = 0; i < features.size(); i++) {
            JsonNode feature = features.get(i);
            JsonNode id = feature.get("id");
            if (id == null || !id.isTextual()) {
                throw new InvalidPayloadException(
                        id == null ? MISSING_FIELD : WRONG_TYPE,
                        "features[" + i + "].id",
                        id == null ? "is required to derive the payload id" : "must be a string");
            }
            ids.add(id.textValue());
            JsonNode collection = feature.get("collection");
            if (collection != null && collection.isTextual()) {
                collections.add(collection.textValue());
            }
        }
        ids.sort(PYTHON_ORDER);
        String collectionsPart;
        JsonNode override = process.get("collections");
        if (override != null && !override.isNull()) {
            if (!override.isTextual()) {
                throw new InvalidPayloadException(
                        WRONG_TYPE,
                        "process.collections",
                        "must be a string (the id's collections part)");
            }
            collectionsPart = override.textValue();
        } else {
            collectionsPart = collections.isEmpty() ? "none" : String.join("/", collections);
        }
        return collectionsPart + "/workflow-" + workflow + "/" + String.join("/", ids);
    }
}
