package cirrus.yaml;

import cirrus.diag.Diagnostic;
import cirrus.diag.DiagnosticException;

/** A YAML file could not be read or parsed; the diagnostic says where and why. */
public final class YamlException extends DiagnosticException {
    private static final long serialVersionUID = 1L;

    /** Malformed YAML. */
    public static final String SYNTAX = "CIRRUS-Y001";

    /** The file could not be read. */
    public static final String UNREADABLE = "CIRRUS-Y002";

    /** A construct the loader refuses (recursive alias, bad merge key, bad tag value). */
    public static final String UNSUPPORTED = "CIRRUS-Y003";

    /** A key appears twice in one mapping (the later one wins, as in cirrus v0.15.4). */
    public static final String DUPLICATE_KEY = "CIRRUS-Y004";

    public YamlException(Diagnostic diagnostic, Throwable cause) {
        super(java.util.List.of(diagnostic), cause);
    }

    public Diagnostic diagnostic() {
        return diagnostics().get(0);
    }
}
