package cirrus.yaml;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import cirrus.diag.Diagnostic;

/**
 * A loaded YAML file: the tree (ordered {@code LinkedHashMap<String,Object>}, {@code
 * ArrayList<Object>}, {@code String}, {@code Boolean}, {@code Long}, {@code BigInteger}, {@code
 * Double}, {@link YamlTimestamp} or {@code null}), where each part came from, and non-fatal
 * findings (e.g. duplicate keys).
 *
 * @param source the file, as given to the loader
 * @param root the tree; {@code null} for an empty document
 * @param locations source positions of the tree's parts
 * @param warnings non-fatal findings made while loading
 */
public record YamlDocument(
        Path source, Object root, SourceMap locations, List<Diagnostic> warnings) {
    public YamlDocument {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(locations, "locations");
        warnings = List.copyOf(warnings);
    }

    /** The root as a mapping, if it is one. */
    @SuppressWarnings("unchecked")
    public Optional<Map<String, Object>> rootMap() {
        return root instanceof Map<?, ?> m
                ? Optional.of((Map<String, Object>) m)
                : Optional.empty();
    }
}
