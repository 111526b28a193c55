package cirrus.diag;

import java.util.List;

/**
 * Thrown when user input is unusable; carries every diagnostic found so the CLI can print them all
 * and exit non-zero. The message is the first diagnostic's one-line form.
 */
public class DiagnosticException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<Diagnostic> diagnostics;

    public DiagnosticException(Diagnostic diagnostic) {
        this(List.of(diagnostic), null);
    }

    public DiagnosticException(List<Diagnostic> diagnostics) {
        this(diagnostics, null);
    }

    public DiagnosticException(List<Diagnostic> diagnostics, Throwable cause) {
        super(diagnostics.isEmpty() ? "invalid input" : diagnostics.get(0).format(), cause);
        this.diagnostics = List.copyOf(diagnostics);
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
