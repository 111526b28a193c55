package cirrus.project;

import java.util.List;

import cirrus.diag.Diagnostic;
import cirrus.diag.DiagnosticException;
import cirrus.diag.Location;

/**
 * A user-facing error about a project: its directory, configuration or components. It carries one
 * error {@link Diagnostic} with a stable code (documented in {@code docs/cli.md}); the CLI prints
 * it and exits 1.
 */
public class ProjectException extends DiagnosticException {
    private static final long serialVersionUID = 1L;

    public ProjectException(String code, String message) {
        this(code, null, message, null);
    }

    public ProjectException(String code, String message, Throwable cause) {
        this(code, null, message, cause);
    }

    public ProjectException(String code, Location location, String message, Throwable cause) {
        super(List.of(Diagnostic.error(code, location, message)), cause);
    }

    /** The stable error code, e.g. {@code CIRRUS-P050}. */
    public String code() {
        return diagnostics().get(0).code();
    }

    /** The message without code and location. */
    public String text() {
        return diagnostics().get(0).message();
    }
}
