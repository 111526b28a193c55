package cirrus.runtime.json;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one Jackson configuration of the runtime: strict (duplicate keys are errors), and numbers
 * read and written as cirrus v0.15.4's Python {@code json} reads and writes them, so that a payload
 * read and written again keeps its numbers' text: integers exact at any size, every other number a
 * double written as Python's {@code repr} ({@code 30.0}, {@code 400000.0}, {@code 1e+300}; see
 * {@link PythonFloat}).
 */
public final class Json {
    /**
     * What a JSON document may hold (payloads, items, state, events): nesting, numbers, strings and
     * names bounded, so that a hostile document fails with a located error instead of exhausting
     * the stack or the heap.
     */
    public static final StreamReadConstraints LIMITS =
            StreamReadConstraints.builder()
                    .maxNestingDepth(1000)
                    .maxNumberLength(1000)
                    .maxStringLength(64 * 1024 * 1024)
                    .maxNameLength(64 * 1024)
                    .build();

    /** Shared, thread-safe mapper. */
    public static final ObjectMapper MAPPER =
            JsonMapper.builder(
                            new JsonFactoryBuilder()
                                    .streamReadConstraints(LIMITS)
                                    .characterEscapes(new PythonEscapes())
                                    .addDecorator(PythonNumbers.DECORATOR)
                                    .build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .build();

    private Json() {}

    /**
     * Parses a JSON text.
     *
     * @throws InvalidJsonException with Jackson's message and the line/column of the problem
     */
    public static JsonNode parse(String text) {
        try (JsonParser parser = MAPPER.createParser(text)) {
            return located(parser);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads one document; a limit error is located where the parser stopped. */
    private static JsonNode located(JsonParser parser) throws IOException {
        try {
            JsonNode node = MAPPER.readTree(parser);
            return node == null
                    ? com.fasterxml.jackson.databind.node.MissingNode.getInstance()
                    : node;
        } catch (JsonProcessingException e) {
            throw InvalidJsonException.from(e, parser.currentLocation());
        }
    }

    /** Parses JSON bytes (UTF-8). */
    public static JsonNode parse(byte[] bytes) {
        try {
            return MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw InvalidJsonException.from(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compact JSON text. */
    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise JSON tree", e);
        }
    }

    /** Compact JSON as UTF-8 bytes. */
    public static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise JSON tree", e);
        }
    }
}
