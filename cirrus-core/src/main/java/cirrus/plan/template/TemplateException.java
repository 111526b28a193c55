package cirrus.plan.template;

import java.util.List;

import cirrus.diag.Diagnostic;
import cirrus.diag.DiagnosticException;
import cirrus.diag.Location;

/** A template to plan against is missing, unreadable or not a template. */
public final class TemplateException extends DiagnosticException {
    private static final long serialVersionUID = 1L;

    /** No template at the given path (no file, or a directory without a known template file). */
    public static final String NOT_FOUND = "CIRRUS-PL001";

    /** The file exists but cannot be read or parsed. */
    public static final String UNREADABLE = "CIRRUS-PL002";

    /** The file parses but is neither a serverless.yml nor a CloudFormation template. */
    public static final String NOT_A_TEMPLATE = "CIRRUS-PL003";

    public TemplateException(String code, Location location, String message, String hint) {
        this(new Diagnostic(code, cirrus.diag.Severity.ERROR, location, message, hint), null);
    }

    public TemplateException(Diagnostic diagnostic, Throwable cause) {
        super(List.of(diagnostic), cause);
    }
}
