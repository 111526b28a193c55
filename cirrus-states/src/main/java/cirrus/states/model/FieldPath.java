package cirrus.states.model;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where a field sits in a definition, from the root: field names and array indexes. Printed as a
 * JSONPath ({@code $.States.Fetch.Retry[0].ErrorEquals}) in messages; tools that know where each
 * field came from in a file (line and column) look it up by {@link #segments()}.
 *
 * @param segments {@link String} field names and {@link Integer} array indexes
 */
public record FieldPath(List<Object> segments) {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_\\-:]+");

    /** The root of the definition. */
    public static final FieldPath ROOT = new FieldPath(List.of());

    public FieldPath {
        segments = List.copyOf(segments);
    }

    /** The path of a field of this object. */
    public FieldPath field(String name) {
        return append(name);
    }

    /** The path of an element of this array. */
    public FieldPath index(int index) {
        return append(index);
    }

    /** This path followed by {@code more} (names and indexes). */
    public FieldPath append(List<Object> more) {
        List<Object> all = new ArrayList<>(segments);
        all.addAll(more);
        return new FieldPath(all);
    }

    private FieldPath append(Object segment) {
        List<Object> all = new ArrayList<>(segments.size() + 1);
        all.addAll(segments);
        all.add(segment);
        return new FieldPath(all);
    }

    /** JSON Pointer (RFC 6901) form, e.g. {@code /States/Fetch/Retry/0}. */
    public String pointer() {
        StringBuilder out = new StringBuilder();
        for (Object segment : segments) {
            out.append('/').append(segment.toString().replace("~", "~0").replace("/", "~1"));
        }
        return out.toString();
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("$");
        for (Object segment : segments) {
            if (segment instanceof Integer i) {
                out.append('[').append(i).append(']');
            } else if (PLAIN.matcher((String) segment).matches()) {
                out.append('.').append(segment);
            } else {
                out.append("['").append(((String) segment).replace("'", "\\'")).append("']");
            }
        }
        return out.toString();
    }
}
