package cirrus.cli.states;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
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

import cirrus.diag.Diagnostic;
import cirrus.diag.Location;
import cirrus.states.json.Json;

/**
 * A JSON tree together with where each member starts (the key for object members, the value for
 * array elements), keyed by JSON Pointer. Made from JSON text here, or from YAML by {@link
 * YamlTree}.
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
     * @param code the diagnostic code of a parse error
     * @throws DefinitionFileException when the text is not one JSON value (duplicate keys included)
     */
    public static LocatedJson parse(String text, Path file, String code)
            throws DefinitionFileException {
        Map<String, Location> locations = new HashMap<>();
        try (JsonParser parser = FACTORY.createParser(text)) {
            if (parser.nextToken() == null) {
                throw error(code, new Location(file, 1, 1), "the file holds no JSON value");
            }
            locations.put("", location(file, parser.currentTokenLocation()));
            JsonNode tree = read(parser, "", file, locations);
            if (parser.nextToken() != null) {
                throw error(
                        code,
                        location(file, parser.currentTokenLocation()),
                        "unexpected text after the JSON value");
            }
            return new LocatedJson(tree, locations);
        } catch (JsonProcessingException e) {
            throw error(
                    code,
                    location(file, e.getLocation()),
                    "invalid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw error(code, Location.of(file), e.getMessage());
        }
    }

    private static DefinitionFileException error(String code, Location at, String message) {
        return new DefinitionFileException(Diagnostic.error(code, at, message));
    }

    private static JsonNode read(
            JsonParser p, String pointer, Path file, Map<String, Location> locations)
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

    /** A JSON Pointer reference token. */
    static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    private static Location location(Path file, JsonLocation location) {
        return location == null
                ? Location.of(file)
                : new Location(
                        file,
                        Math.max(1, location.getLineNr()),
                        Math.max(1, location.getColumnNr()));
    }
}
