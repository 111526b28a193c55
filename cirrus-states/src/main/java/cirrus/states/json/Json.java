package cirrus.states.json;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The one JSON configuration of the interpreter: strict parsing (duplicate keys are errors),
 * compact writing. Data flowing through an execution is Jackson {@link JsonNode}s that are never
 * mutated once built, so they can be shared between snapshots.
 */
public final class Json {
    /** Node factory for building values. */
    public static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final ObjectMapper MAPPER =
            JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    /** Two-space indentation and {@code "key": value}, as most JSON tools print. */
    private static final DefaultPrettyPrinter PRETTY =
            new DefaultPrettyPrinter()
                    .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE)
                    .withSeparators(
                            Separators.createDefaultInstance()
                                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER));

    private Json() {}

    /** The shared mapper (strict duplicate detection). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Parses JSON text; the whole text must be one JSON value. */
    public static JsonNode parse(String text) throws JsonProcessingException {
        JsonNode node = MAPPER.readTree(text);
        if (node == null || node.isMissingNode()) {
            throw new JsonProcessingException("no JSON value in the text") {};
        }
        return node;
    }

    /** Compact JSON text of a value, as Step Functions renders payloads. */
    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Indented JSON text, for people. */
    public static String pretty(JsonNode node) {
        try {
            return MAPPER.writer(PRETTY).writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new empty object. */
    public static ObjectNode object() {
        return NODES.objectNode();
    }

    /** JSON text of {@code node} cut to {@code max} characters, for error messages. */
    public static String abbreviate(JsonNode node, int max) {
        String text = write(node);
        return text.length() <= max ? text : text.substring(0, max) + "...";
    }
}
