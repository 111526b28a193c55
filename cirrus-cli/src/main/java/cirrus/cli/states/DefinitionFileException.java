package cirrus.cli.states;

import cirrus.diag.Diagnostic;

/** A definition or input file that cannot be read or parsed; its diagnostic says where and why. */
public final class DefinitionFileException extends Exception {
    private final transient Diagnostic diagnostic;

    public DefinitionFileException(Diagnostic diagnostic) {
        super(diagnostic.message());
        this.diagnostic = diagnostic;
    }

    /** The finding, printable with {@link Diagnostic#format()}. */
    public Diagnostic diagnostic() {
        return diagnostic;
    }
}
