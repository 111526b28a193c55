package cirrus.validate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import cirrus.compile.BuildCheck;
import cirrus.compile.Compilation;
import cirrus.diag.Diagnostic;
import cirrus.project.Project;
import cirrus.project.load.ResourcePlugin;

/**
 * The validator as {@code cirrus build} runs it: its errors stop the build (and are printed with
 * the build's own); its warnings are only counted, so that a build stays quiet ({@code cirrus
 * validate} lists them). Findings that depend on the calendar (Lambda runtime deprecation dates)
 * are left to {@code cirrus validate}: a project that built yesterday builds today.
 */
public final class BuildValidation implements BuildCheck {
    private static final Set<String> VALIDATE_ONLY =
            Set.of(RuleCatalog.DEPRECATED_RUNTIME.code(), RuleCatalog.BLOCKED_RUNTIME.code());

    private final ValidationOptions options;
    private final List<Path> builtinRoots;
    private int warnings;

    /**
     * @param options account usage
     * @param plugins the resource plugins (to tell warnings about built-in components apart)
     */
    public BuildValidation(ValidationOptions options, List<ResourcePlugin> plugins) {
        this.options = options;
        this.builtinRoots = Validation.builtinRoots(plugins);
    }

    @Override
    public List<Diagnostic> check(Project project, Compilation compilation) {
        List<Diagnostic> errors = new ArrayList<>();
        warnings = 0;
        for (Diagnostic d : new Validator(options).validate(project, compilation)) {
            if (VALIDATE_ONLY.contains(d.code())) {
                continue;
            }
            if (d.severity().isError()) {
                errors.add(d);
            } else if (!Validation.inside(d, builtinRoots)) {
                warnings++;
            }
        }
        return errors;
    }

    /** The warnings the last check found outside the built-in components. */
    public int warnings() {
        return warnings;
    }
}
