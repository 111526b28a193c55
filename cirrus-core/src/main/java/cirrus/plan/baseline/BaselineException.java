package cirrus.plan.baseline;

import java.util.List;

import cirrus.diag.Diagnostic;
import cirrus.diag.DiagnosticException;
import cirrus.diag.Location;
import cirrus.diag.Severity;

/** The baseline to plan against is missing, damaged or belongs to another project. */
public final class BaselineException extends DiagnosticException {
    private static final long serialVersionUID = 1L;

    /** No baseline has been accepted yet. */
    public static final String MISSING = "CIRRUS-PL004";

    /** The baseline (or the --against template) is from another project. */
    public static final String FOREIGN = "CIRRUS-PL005";

    /** The baseline files are inconsistent (hash mismatch, unreadable metadata). */
    public static final String DAMAGED = "CIRRUS-PL006";

    /** The baseline could not be written. */
    public static final String UNWRITABLE = "CIRRUS-PL007";

    public BaselineException(String code, Location location, String message, String hint) {
        super(List.of(new Diagnostic(code, Severity.ERROR, location, message, hint)), null);
    }

    public BaselineException(
            String code, Location location, String message, String hint, Throwable cause) {
        super(List.of(new Diagnostic(code, Severity.ERROR, location, message, hint)), cause);
    }
}
