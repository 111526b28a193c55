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

    /** Adds a finding; one that was already reported (same code, place and text) is ignored. */
    public void add(Diagnostic diagnostic) {
        if (!all.contains(diagnostic)) {
            all.add(diagnostic);
        }
    }

    /**
     * Turns the warnings with one of {@code codes} into errors: loading leaves some components or
     * objects out with a warning (as cirrus v0.15.4 does), which {@code show} can live with but a
     * build must not.
     */
    public void escalate(java.util.Set<String> codes) {
        all.replaceAll(
                d ->
                        d.severity() == cirrus.diag.Severity.WARNING && codes.contains(d.code())
                                ? new Diagnostic(
                                        d.code(),
                                        cirrus.diag.Severity.ERROR,
                                        d.location(),
                                        d.message().startsWith("Skipping ")
                                                ? d.message().substring("Skipping ".length())
                                                : d.message(),
                                        d.hint())
                                : d);
    }

    public void error(BuildCode code, Location location, String message) {
        add(Diagnostic.error(code.code(), location, message));
    }

    public void warning(BuildCode code, Location location, String message) {
        add(Diagnostic.warning(code.code(), location, message));
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
