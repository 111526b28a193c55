package cirrus.compile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cirrus.diag.Diagnostic;
import cirrus.diag.DiagnosticException;
import cirrus.diag.Location;
import cirrus.yaml.SourceMap;

/**
 * Collects every finding of one compilation so the user sees all problems at once. Errors stop the
 * build after the whole project has been looked at; warnings are printed and the build goes on.
 */
public final class CompileDiagnostics {
    private final List<Diagnostic> all = new ArrayList<>();

    public void add(Diagnostic diagnostic) {
        all.add(diagnostic);
    }

    public void error(BuildCode code, Location location, String message) {
        all.add(Diagnostic.error(code.code(), location, message));
    }

    public void warning(BuildCode code, Location location, String message) {
        all.add(Diagnostic.warning(code.code(), location, message));
    }

    public boolean hasErrors() {
        return all.stream().anyMatch(d -> d.severity().isError());
    }

    /** Everything found so far, in the order found. */
    public List<Diagnostic> all() {
        return List.copyOf(all);
    }

    /** Throws one exception carrying every error (warnings stay available in {@link #all()}). */
    public void throwIfErrors() {
        if (hasErrors()) {
            throw new DiagnosticException(
                    all.stream().filter(d -> d.severity().isError()).toList());
        }
    }

    /**
     * Where {@code key} of {@code map} is written, falling back to the map itself and then to the
     * whole file.
     */
    public static Location locate(SourceMap locations, Path file, Map<?, ?> map, String key) {
        if (locations != null && map != null) {
            if (key != null) {
                var at = locations.value(map, key).or(() -> locations.key(map, key));
                if (at.isPresent()) {
                    return at.get();
                }
            }
            var start = locations.of(map);
            if (start.isPresent()) {
                return start.get();
            }
        }
        return Location.of(file);
    }
}
