package cirrus.cli.states;

import java.io.IOException;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cirrus.states.json.Json;

/**
 * JSON text read into a tree together with where each member starts (the field name for object
 * members, the value for array elements), keyed by JSON Pointer.
 *
 * @param tree the value
 * @param locations JSON Pointer → location; the root is {@code ""}
 */
public record LocatedJson(JsonNode tree, Map<String, Location> locations) {
    private static final JsonFactory FACTORY =
            JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    /**
     * Parses JSON text.
     *
     * @throws DefinitionFileException when the text is not one JSON value (duplicate keys included)
     */
    public static LocatedJson parse(String text, String file) throws DefinitionFileException {
        Map<String, Location> locations = new HashMap<>();
        try (JsonParser parser = FACTORY.createParser(text)) {
            if (parser.nextToken() == null) {
                throw new DefinitionFileException(
                        new Location(file, 1, 1), "the file holds no JSON value");
            }
            locations.put("", location(file, parser.currentTokenLocation()));
            JsonNode tree = read(parser, "", file, locations);
            if (parser.nextToken() != null) {
                throw new DefinitionFileException(
                        location(file, parser.currentTokenLocation()),
                        "unexpected text after the JSON value");
            }
            return new LocatedJson(tree, locations);
        } catch (JsonProcessingException e) {
            throw new DefinitionFileException(
                    location(file, e.getLocation()), e.getOriginalMessage());
        } catch (IOException e) {
            throw new DefinitionFileException(new Location(file, 1, 1), e.getMessage());
        }
    }

    private static JsonNode read(
            JsonParser p, String pointer, String file, Map<String, Location> locations)
            throws IOException {
        JsonToken token = p.currentToken();
        switch (token) {
            case START_OBJECT -> {
                ObjectNode object = Json.object();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    String child = pointer + "/" + escape(name);
                    locations.put(child, location(file, p.currentTokenLocation()));
                    p.nextToken();
                    object.set(name, read(p, child, file, locations));
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = Json.NODES.arrayNode();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    String child = pointer + "/" + i++;
                    locations.put(child, location(file, p.currentTokenLocation()));
                    array.add(read(p, child, file, locations));
                }
                return array;
            }
            case VALUE_STRING -> {
                return Json.NODES.textNode(p.getText());
            }
            case VALUE_NUMBER_INT -> {
                return switch (p.getNumberType()) {
                    case INT -> Json.NODES.numberNode(p.getIntValue());
                    case LONG -> Json.NODES.numberNode(p.getLongValue());
                    default -> Json.NODES.numberNode(new BigInteger(p.getText()));
                };
            }
            case VALUE_NUMBER_FLOAT -> {
                return Json.NODES.numberNode(p.getDoubleValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return Json.NODES.booleanNode(token == JsonToken.VALUE_TRUE);
            }
            default -> {
                return Json.NODES.nullNode();
            }
        }
    }

    static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    private static Location location(String file, JsonLocation location) {
        return location == null
                ? new Location(file, 1, 1)
                : new Location(
                        file,
                        Math.max(1, location.getLineNr()),
                        Math.max(1, location.getColumnNr()));
    }
}
