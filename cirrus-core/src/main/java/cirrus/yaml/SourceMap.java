package cirrus.yaml;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cirrus.diag.Location;

/**
 * Where each part of a loaded YAML tree came from. Containers (maps and lists) are tracked by
 * identity, so the lookups work on the very objects the loader returned (not on copies). Scalars
 * are located through their parent: {@link #value(Map, String)} and {@link #item(List, int)}.
 */
public final class SourceMap {
    private final Map<Object, Entry> entries = new IdentityHashMap<>();

    private static final class Entry {
        final Location start;
        final Map<String, Location> keys = new HashMap<>();
        final Map<String, Location> values = new HashMap<>();
        final List<Location> items = new ArrayList<>();

        Entry(Location start) {
            this.start = start;
        }
    }

    void container(Object container, Location start) {
        entries.put(container, new Entry(start));
    }

    void mapEntry(Map<?, ?> map, String key, Location keyLocation, Location valueLocation) {
        Entry e = entries.get(map);
        if (e != null) {
            e.keys.put(key, keyLocation);
            e.values.put(key, valueLocation);
        }
    }

    void listItem(List<?> list, Location itemLocation) {
        Entry e = entries.get(list);
        if (e != null) {
            e.items.add(itemLocation);
        }
    }

    /** Where a map or list starts. */
    public Optional<Location> of(Object container) {
        Entry e = entries.get(container);
        return e == null ? Optional.empty() : Optional.ofNullable(e.start);
    }

    /** Where the key {@code key} of {@code map} is written. */
    public Optional<Location> key(Map<?, ?> map, String key) {
        Entry e = entries.get(map);
        return e == null ? Optional.empty() : Optional.ofNullable(e.keys.get(key));
    }

    /** Where the value of {@code key} in {@code map} starts. */
    public Optional<Location> value(Map<?, ?> map, String key) {
        Entry e = entries.get(map);
        return e == null ? Optional.empty() : Optional.ofNullable(e.values.get(key));
    }

    /** Where item {@code index} of {@code list} starts. */
    public Optional<Location> item(List<?> list, int index) {
        Entry e = entries.get(list);
        if (e == null || index < 0 || index >= e.items.size()) {
            return Optional.empty();
        }
        return Optional.ofNullable(e.items.get(index));
    }

    /** Adds every entry of {@code other} (for trees assembled from several files). */
    public void addAll(SourceMap other) {
        entries.putAll(other.entries);
    }
}
