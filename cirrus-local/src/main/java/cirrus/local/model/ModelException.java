package cirrus.local.model;

import java.util.List;

import cirrus.diag.Diagnostic;
import cirrus.diag.DiagnosticException;

/** The compiled project cannot run locally; carries every problem found, with locations. */
public final class ModelException extends DiagnosticException {
    private static final long serialVersionUID = 1L;

    /** {@code Ref}, {@code Fn::GetAtt} or {@code ${X}} names something that does not exist. */
    public static final String UNKNOWN_REFERENCE = "CIRRUS-L001";

    /** An intrinsic function the local engine cannot evaluate (e.g. {@code Fn::ImportValue}). */
    public static final String UNSUPPORTED_INTRINSIC = "CIRRUS-L002";

    /** An intrinsic function with arguments of the wrong shape. */
    public static final String BAD_INTRINSIC = "CIRRUS-L003";

    /** A part of the compiled project has the wrong type or lacks a required key. */
    public static final String BAD_CONFIG = "CIRRUS-L004";

    /** A {@code custom.local} setting is invalid. */
    public static final String BAD_SETTING = "CIRRUS-L005";

    public ModelException(List<Diagnostic> diagnostics) {
        super(diagnostics);
    }
}
