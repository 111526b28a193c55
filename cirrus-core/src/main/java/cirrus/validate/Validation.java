package cirrus.validate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import cirrus.compile.Build;
import cirrus.compile.Compilation;
import cirrus.compile.CompileDiagnostics;
import cirrus.compile.Compiler;
import cirrus.diag.Diagnostic;
import cirrus.diag.DiagnosticException;
import cirrus.diag.Location;
import cirrus.project.PathDisplay;
import cirrus.project.Project;
import cirrus.project.load.BuiltinResources;
import cirrus.project.load.ProjectLoader;
import cirrus.project.load.ResourcePlugin;

/**
 * {@code cirrus validate}: loads and compiles a project as {@code cirrus build} would, without
 * writing anything, and runs the validator. The report holds every finding, sorted by file, line
 * and column; warnings located in the built-in components (which the user cannot change other than
 * by overriding them, and which {@code docs/validation.md} explains) are counted but left out
 * unless asked for.
 */
public final class Validation {
    /**
     * What a validation found.
     *
     * @param findings the findings shown, sorted by place
     * @param hiddenBuiltinWarnings warnings about built-in components left out
     * @param validator the validator that ran (for its timings), if the project could be compiled
     */
    public record Report(
            List<Diagnostic> findings, int hiddenBuiltinWarnings, Optional<Validator> validator) {
        public Report {
            findings = List.copyOf(findings);
        }

        public long errors() {
            return findings.stream().filter(d -> d.severity().isError()).count();
        }

        public long warnings() {
            return findings.stream()
                    .filter(d -> d.severity() == cirrus.diag.Severity.WARNING)
                    .count();
        }
    }

    private Validation() {}

    /**
     * Validates the project in {@code root}.
     *
     * @param plugins the resource plugins, built-in first
     * @param display how paths appear in loader messages
     * @param options account usage
     * @param includeBuiltins whether to keep warnings about built-in components
     */
    public static Report run(
            Path root,
            List<ResourcePlugin> plugins,
            PathDisplay display,
            ValidationOptions options,
            boolean includeBuiltins) {
        CompileDiagnostics diagnostics = new CompileDiagnostics();
        Validator validator = null;
        try {
            Project project =
                    ProjectLoader.open(Optional.of(root), plugins, display, diagnostics::add);
            Compilation compilation = Compiler.compile(project, diagnostics);
            diagnostics.escalate(Build.FATAL_WHEN_BUILDING);
            validator = new Validator(options);
            validator.validate(project, compilation).forEach(diagnostics::add);
        } catch (DiagnosticException e) {
            e.diagnostics().forEach(diagnostics::add);
        }
        List<Path> builtinRoots = builtinRoots(plugins);
        List<Diagnostic> shown = new ArrayList<>();
        int hidden = 0;
        for (Diagnostic d : diagnostics.all()) {
            if (!includeBuiltins && !d.severity().isError() && inside(d, builtinRoots)) {
                hidden++;
            } else {
                shown.add(d);
            }
        }
        shown.sort(ORDER);
        return new Report(shown, hidden, Optional.ofNullable(validator));
    }

    /** Findings without a file first, then by file, line, column, code and message. */
    public static final Comparator<Diagnostic> ORDER =
            Comparator.comparing(
                            (Diagnostic d) ->
                                    d.location() == null ? "" : d.location().file().toString())
                    .thenComparingInt(d -> d.location() == null ? 0 : d.location().line())
                    .thenComparingInt(d -> d.location() == null ? 0 : d.location().column())
                    .thenComparing(Diagnostic::code)
                    .thenComparing(Diagnostic::message);

    /** Whether {@code d} is located in one of the built-in component or template files. */
    static boolean inside(Diagnostic d, List<Path> roots) {
        Location at = d.location();
        if (at == null) {
            return false;
        }
        for (Path root : roots) {
            if (at.file().getFileSystem().equals(root.getFileSystem())
                    && at.file().startsWith(root)) {
                return true;
            }
        }
        return false;
    }

    static List<Path> builtinRoots(List<ResourcePlugin> plugins) {
        return plugins.stream()
                .filter(p -> p instanceof BuiltinResources)
                .map(ResourcePlugin::root)
                .toList();
    }
}
