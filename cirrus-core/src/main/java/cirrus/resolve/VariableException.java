package cirrus.resolve;

import java.util.List;

import cirrus.diag.Diagnostic;
import cirrus.diag.DiagnosticException;

/**
 * Serverless variables of a configuration could not be resolved; carries one diagnostic per
 * unresolvable variable.
 */
public final class VariableException extends DiagnosticException {
    private static final long serialVersionUID = 1L;

    /** A variable's source has no value for it and it has no usable fallback. */
    public static final String UNRESOLVED = "CIRRUS-R001";

    /** A variable refers, directly or not, to itself. */
    public static final String CIRCULAR = "CIRRUS-R002";

    /** A {@code ${...}} that is not valid variable syntax (e.g. not closed). */
    public static final String MALFORMED = "CIRRUS-R003";

    /** A map or list is referenced inside a longer string. */
    public static final String NOT_A_STRING = "CIRRUS-R004";

    /** A variable source that cannot be read here (e.g. {@code ssm}, {@code cf}). */
    public static final String UNSUPPORTED_SOURCE = "CIRRUS-R005";

    public VariableException(List<Diagnostic> diagnostics) {
        super(diagnostics);
    }
}
