package cirrus.resolve;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cirrus.diag.Location;
import cirrus.yaml.SourceMap;

/**
 * Source locations for a tree derived from a loaded one: each derived map or list remembers the
 * container it was copied from, whose location the {@link SourceMap} of the loaded file knows. A
 * value copied from a {@code ${self:...}} reference is located where the referenced value is
 * written.
 */
public final class Origins {
    private final SourceMap locations;
    private final Map<Object, Object> originals = new IdentityHashMap<>();

    /** Origins over the locations of a loaded tree. */
    public Origins(SourceMap locations) {
        this.locations = locations == null ? new SourceMap() : locations;
    }

    /** Records that {@code copy} was derived from {@code original}. */
    public void derived(Object copy, Object original) {
        Object root = originals.getOrDefault(original, original);
        originals.put(copy, root);
    }

    /** The loaded container a derived one comes from (itself when it was not derived). */
    public Object original(Object container) {
        return originals.getOrDefault(container, container);
    }

    /** Where a map or list starts. */
    public Optional<Location> of(Object container) {
        return locations.of(original(container));
    }

    /** Where the value of {@code key} in {@code map} is written. */
    public Optional<Location> value(Map<?, ?> map, String key) {
        return locations.value((Map<?, ?>) original(map), key).or(() -> of(map));
    }

    /** Where the key {@code key} of {@code map} is written. */
    public Optional<Location> key(Map<?, ?> map, String key) {
        return locations.key((Map<?, ?>) original(map), key).or(() -> of(map));
    }

    /** Where item {@code index} of {@code list} is written. */
    public Optional<Location> item(List<?> list, int index) {
        return locations.item((List<?>) original(list), index).or(() -> of(list));
    }

    /** Where the child {@code keyOrIndex} of {@code parent} (a map key or a list index) is. */
    public Optional<Location> child(Object parent, Object keyOrIndex) {
        if (parent instanceof Map<?, ?> m && keyOrIndex instanceof String k) {
            return value(m, k);
        }
        if (parent instanceof List<?> l && keyOrIndex instanceof Integer i) {
            return item(l, i);
        }
        return parent == null ? Optional.empty() : of(parent);
    }
}
