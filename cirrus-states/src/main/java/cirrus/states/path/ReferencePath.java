package cirrus.states.path;

import java.util.List;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cirrus.states.ErrorNames;
import cirrus.states.StatesFailure;
import cirrus.states.json.Json;

/**
 * A Reference Path: a path that identifies exactly one node (only fields and indexes). Besides
 * reading, it can {@link #set} a value into a document, creating missing parent objects, which is
 * what {@code ResultPath} does.
 *
 * @see <a href="https://states-language.net/spec.html#ref-paths">Reference Paths</a>
 */
public final class ReferencePath {
    /** {@code $}. */
    public static final ReferencePath ROOT = new ReferencePath(Path.ROOT);

    private final Path path;

    private ReferencePath(Path path) {
        this.path = path;
    }

    /** Parses a reference path; wildcards, filters, unions, slices and deep scans are refused. */
    public static ReferencePath parse(String text) throws PathSyntaxException {
        Path path = Path.parse(text);
        for (Segment segment : path.segments()) {
            if (!(segment instanceof Segment.Field)
                    && !(segment instanceof Segment.Index index && index.index() >= 0)) {
                throw new PathSyntaxException(
                        "invalid reference path '"
                                + text
                                + "': a reference path must identify a single node (no '*', '..',"
                                + " '?', ',', ':' or negative index)");
            }
        }
        return new ReferencePath(path);
    }

    /** The underlying path. */
    public Path path() {
        return path;
    }

    /** The path as written. */
    public String text() {
        return path.text();
    }

    /** The node the path identifies, or null when it is missing. */
    public JsonNode find(JsonNode input, Supplier<JsonNode> context) {
        return path.find(input, context);
    }

    /**
     * Returns a copy of {@code document} where the node at this path is {@code value}; only the
     * objects and arrays along the path are copied. Missing fields are created as objects.
     *
     * @throws StatesFailure {@code States.ResultPathMatchFailure} when a step along the path is not
     *     an object (or, for an index, not an array long enough)
     */
    public JsonNode set(JsonNode document, JsonNode value) {
        return set(document, path.segments(), 0, value);
    }

    private JsonNode set(JsonNode node, List<Segment> segments, int i, JsonNode value) {
        if (i == segments.size()) {
            return value;
        }
        Segment segment = segments.get(i);
        if (segment instanceof Segment.Field field) {
            if (node != null && !node.isObject()) {
                throw mismatch(node);
            }
            ObjectNode copy = Json.object();
            if (node != null) {
                copy.setAll((ObjectNode) node);
            }
            copy.set(
                    field.name(),
                    set(node == null ? null : node.get(field.name()), segments, i + 1, value));
            return copy;
        }
        int index = ((Segment.Index) segment).index();
        if (node == null || !node.isArray() || index >= node.size()) {
            throw mismatch(node);
        }
        ArrayNode copy = Json.NODES.arrayNode(node.size());
        copy.addAll((ArrayNode) node);
        copy.set(index, set(node.get(index), segments, i + 1, value));
        return copy;
    }

    private StatesFailure mismatch(JsonNode node) {
        return new StatesFailure(
                ErrorNames.RESULT_PATH_MATCH_FAILURE,
                "Unable to apply ResultPath '"
                        + path.text()
                        + "' to input "
                        + (node == null ? "(missing)" : Json.abbreviate(node, 200)));
    }

    @Override
    public String toString() {
        return path.text();
    }
}
