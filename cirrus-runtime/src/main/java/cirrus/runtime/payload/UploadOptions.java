package cirrus.runtime.payload;

import static cirrus.runtime.payload.InvalidPayloadException.Code.WRONG_TYPE;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code process.upload_options}: where and how tasks and publish write output items.
 *
 * @param pathTemplate the {@code path_template} ({@code ${collection}/${year}/${id}}), if given
 * @param collections {@code collection -> regex} over item ids, first match wins (for tasks)
 * @param headers extra S3 upload arguments ({@code CacheControl}, ...)
 * @param publicAssets the {@code public_assets} value as given (task-side)
 * @param s3Urls whether tasks should write {@code s3://} asset URLs
 */
public record UploadOptions(
        Optional<PathTemplate> pathTemplate,
        Map<String, String> collections,
        Map<String, String> headers,
        Optional<JsonNode> publicAssets,
        boolean s3Urls) {

    public UploadOptions {
        collections = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(collections));
        headers = Map.copyOf(headers);
    }

    static UploadOptions of(ObjectNode options) {
        JsonNode template = options.get("path_template");
        Optional<PathTemplate> path = Optional.empty();
        if (template != null && !template.isNull()) {
            if (!template.isTextual()) {
                throw new InvalidPayloadException(
                        WRONG_TYPE, "process.upload_options.path_template", "must be a string");
            }
            path = Optional.of(PathTemplate.parse(template.textValue()));
        }
        return new UploadOptions(
                path,
                strings(options, "collections"),
                strings(options, "headers"),
                Optional.ofNullable(options.get("public_assets")).map(JsonNode::deepCopy),
                options.path("s3_urls").asBoolean(false));
    }

    private static Map<String, String> strings(ObjectNode options, String field) {
        JsonNode node = options.get(field);
        Map<String, String> out = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isObject()) {
            throw new InvalidPayloadException(
                    WRONG_TYPE, "process.upload_options." + field, "must be an object");
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            out.put(
                    e.getKey(),
                    e.getValue().isTextual() ? e.getValue().textValue() : e.getValue().toString());
        }
        return out;
    }

    /**
     * The collection an item id belongs to: the first {@code collections} entry whose regex matches
     * the id (Python {@code re.match}: anchored at the start).
     */
    public Optional<String> collectionFor(String itemId) {
        for (Map.Entry<String, String> e : collections.entrySet()) {
            if (java.util.regex.Pattern.compile(e.getValue()).matcher(itemId).lookingAt()) {
                return Optional.of(e.getKey());
            }
        }
        return Optional.empty();
    }
}
