package cirrus.states.path;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

import cirrus.states.json.Json;

/**
 * A parsed JSONPath (the Jayway dialect the States Language uses): {@code $} selects in the input,
 * {@code $$} in the Context Object. A definite path selects one node or nothing; an indefinite one
 * (wildcards, unions, slices, deep scans, filters) always yields an array of its matches.
 *
 * @see <a href="https://states-language.net/spec.html#path">Paths</a>
 */
public final class Path {
    /** What {@code $} refers to. */
    public enum Root {
        /** {@code $}: the data the path applies to. */
        INPUT,
        /** {@code $$}: the Context Object. */
        CONTEXT
    }

    /** {@code $}: the whole input. */
    public static final Path ROOT = new Path("$", Root.INPUT, List.of());

    private final String text;
    private final Root root;
    private final List<Segment> segments;
    private final boolean definite;

    Path(String text, Root root, List<Segment> segments) {
        this.text = text;
        this.root = root;
        this.segments = List.copyOf(segments);
        this.definite = this.segments.stream().allMatch(Segment::definite);
    }

    /** Parses a path such as {@code $.a.b[0]} or {@code $$.Map.Item.Value}. */
    public static Path parse(String text) throws PathSyntaxException {
        return new PathParser(text).parse();
    }

    /** The path as written. */
    public String text() {
        return text;
    }

    /** Whether the path starts with {@code $} or {@code $$}. */
    public Root root() {
        return root;
    }

    /** The path's steps after the root. */
    public List<Segment> segments() {
        return segments;
    }

    /** Whether the path can select at most one node. */
    public boolean isDefinite() {
        return definite;
    }

    /** Whether the path is {@code $} itself. */
    public boolean isRoot() {
        return segments.isEmpty() && root == Root.INPUT;
    }

    /**
     * Applies the path. A definite path yields its node or null when nothing matches; an indefinite
     * path yields an array of all matches (possibly empty), never null.
     */
    public JsonNode find(JsonNode input, Supplier<JsonNode> context) {
        JsonNode start = root == Root.CONTEXT ? context.get() : input;
        if (definite) {
            JsonNode node = start;
            for (Segment segment : segments) {
                node =
                        segment instanceof Segment.Field field
                                ? field.step(node)
                                : ((Segment.Index) segment).step(node);
                if (node == null) {
                    return null;
                }
            }
            return node;
        }
        List<JsonNode> nodes = new ArrayList<>();
        nodes.add(start);
        for (Segment segment : segments) {
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode node : nodes) {
                segment.select(node, start, next);
            }
            nodes = next;
        }
        ArrayNode result = Json.NODES.arrayNode(nodes.size());
        result.addAll(nodes);
        return result;
    }

    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Path p && p.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
