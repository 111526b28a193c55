package cirrus.compile;

import java.util.List;

import cirrus.diag.Diagnostic;
import cirrus.project.Project;

/**
 * A check a build runs on the compiled project before it writes anything (the project validator,
 * {@code cirrus.validate}); an error among its findings stops the build and keeps the previous
 * output.
 */
@FunctionalInterface
public interface BuildCheck {
    /** No check ({@code cirrus build --no-validate}). */
    BuildCheck NONE = (project, compilation) -> List.of();

    /** The findings about {@code project}, compiled as {@code compilation}. */
    List<Diagnostic> check(Project project, Compilation compilation);
}
