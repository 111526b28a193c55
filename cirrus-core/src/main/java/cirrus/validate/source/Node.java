package cirrus.validate.source;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cirrus.diag.Location;
import cirrus.yaml.SourceMap;

/**
 * A value of a YAML tree together with where it was written, so a rule that finds something wrong
 * with it can say {@code file:line:col}. Nodes are cheap views: navigating ({@link #get}, {@link
 * #item}) creates new ones. A node may come from a tree that was not read from a file (a compiled
 * value); then its {@link SourceMap} is empty and it is located at its file, or nowhere.
 *
 * @param value the value (map, list, scalar or null)
 * @param file the file the tree was read from, or {@code null}
 * @param locations where the parts of the tree were written
 * @param parent the node holding this one, or {@code null} for a root
 * @param key the key ({@link String}) or index ({@link Integer}) of this node in its parent
 */
public record Node(Object value, Path file, SourceMap locations, Node parent, Object key) {
    private static final SourceMap NO_LOCATIONS = new SourceMap();

    public Node {
        locations = locations == null ? NO_LOCATIONS : locations;
    }

    /** The root of a tree read from {@code file}. */
    public static Node root(Object value, Path file, SourceMap locations) {
        return new Node(value, file, locations, null, null);
    }

    /** A value that was not read from a file (no location). */
    public static Node detached(Object value) {
        return new Node(value, null, null, null, null);
    }

    /** The child at {@code key} if this is a mapping that has it. */
    public Optional<Node> get(String key) {
        if (value instanceof Map<?, ?> m && m.containsKey(key)) {
            return Optional.of(new Node(m.get(key), file, locations, this, key));
        }
        return Optional.empty();
    }

    /** The node at the end of {@code path} (keys of mappings, indexes of lists). */
    public Optional<Node> at(List<?> path) {
        Node n = this;
        for (Object step : path) {
            Optional<Node> next =
                    step instanceof Integer i ? n.item(i) : n.get(String.valueOf(step));
            if (next.isEmpty()) {
                return Optional.empty();
            }
            n = next.get();
        }
        return Optional.of(n);
    }

    /** Item {@code index} if this is a list that long. */
    public Optional<Node> item(int index) {
        if (value instanceof List<?> l && index >= 0 && index < l.size()) {
            return Optional.of(new Node(l.get(index), file, locations, this, index));
        }
        return Optional.empty();
    }

    /** The items if this is a list; else none. */
    public List<Node> items() {
        if (!(value instanceof List<?> l)) {
            return List.of();
        }
        List<Node> items = new ArrayList<>(l.size());
        for (int i = 0; i < l.size(); i++) {
            items.add(new Node(l.get(i), file, locations, this, i));
        }
        return items;
    }

    /** The entries if this is a mapping, in order; else none. */
    public List<Node> entries() {
        if (!(value instanceof Map<?, ?> m)) {
            return List.of();
        }
        List<Node> entries = new ArrayList<>(m.size());
        for (Map.Entry<?, ?> e : m.entrySet()) {
            entries.add(new Node(e.getValue(), file, locations, this, String.valueOf(e.getKey())));
        }
        return entries;
    }

    /** This node's items (a list) or itself (anything else): for "one or a list of" values. */
    public List<Node> itemsOrSelf() {
        return value instanceof List<?> ? items() : List.of(this);
    }

    public boolean isMap() {
        return value instanceof Map<?, ?>;
    }

    public boolean isList() {
        return value instanceof List<?>;
    }

    /** The value if it is a string. */
    public Optional<String> string() {
        return value instanceof String s ? Optional.of(s) : Optional.empty();
    }

    /** The key of this node in its parent mapping, if it is in one. */
    public Optional<String> name() {
        return key instanceof String s ? Optional.of(s) : Optional.empty();
    }

    /** The value of a string child. */
    public Optional<String> string(String key) {
        return get(key).flatMap(Node::string);
    }

    /** Where the value of this node is written. */
    public Location location() {
        Optional<Location> at = Optional.empty();
        if (parent != null && parent.value instanceof Map<?, ?> m && key instanceof String k) {
            at = locations.value(m, k);
        } else if (parent != null
                && parent.value instanceof List<?> l
                && key instanceof Integer i) {
            at = locations.item(l, i);
        }
        if (at.isEmpty() && (value instanceof Map<?, ?> || value instanceof List<?>)) {
            at = locations.of(value);
        }
        if (at.isPresent()) {
            return at.get();
        }
        return parent != null ? parent.location() : file == null ? null : Location.of(file);
    }

    /** Where the key of this node is written (for findings about the key itself). */
    public Location keyLocation() {
        if (parent != null && parent.value instanceof Map<?, ?> m && key instanceof String k) {
            Optional<Location> at = locations.key(m, k);
            if (at.isPresent()) {
                return at.get();
            }
        }
        return location();
    }

    /** The keys and indexes from the root to this node. */
    public List<Object> path() {
        List<Object> path = new ArrayList<>();
        for (Node n = this; n.parent != null; n = n.parent) {
            path.add(n.key);
        }
        Collections.reverse(path);
        return path;
    }

    /** The path as text, {@code Resources.MyJob.Properties.Command[2]}. */
    public String pathText() {
        StringBuilder b = new StringBuilder();
        for (Object step : path()) {
            if (step instanceof Integer i) {
                b.append('[').append(i).append(']');
            } else {
                if (b.length() > 0) {
                    b.append('.');
                }
                b.append(step);
            }
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return pathText() + "=" + value;
    }
}
