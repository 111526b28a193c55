package cirrus.diag;

import java.util.Objects;
import java.util.Optional;

/**
 * One finding about user input: a stable code, a severity, where it is, what is wrong and how to
 * fix it. Printed as {@code tasks/x/definition.yml:12:5: error[CIRRUS-Y001] message (hint)}.
 *
 * @param code stable identifier, e.g. {@code CIRRUS-Y001}; documented and never reused
 * @param severity error, warning or note
 * @param location where; {@code null} when the finding is not about a file
 * @param message what is wrong, one line
 * @param hint how to fix it, or {@code null}
 */
public record Diagnostic(
        String code, Severity severity, Location location, String message, String hint) {
    public Diagnostic {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }

    public static Diagnostic error(String code, Location location, String message) {
        return new Diagnostic(code, Severity.ERROR, location, message, null);
    }

    public static Diagnostic warning(String code, Location location, String message) {
        return new Diagnostic(code, Severity.WARNING, location, message, null);
    }

    public Diagnostic withHint(String newHint) {
        return new Diagnostic(code, severity, location, message, newHint);
    }

    public Optional<Location> where() {
        return Optional.ofNullable(location);
    }

    /** The one-line form users see. */
    public String format() {
        StringBuilder b = new StringBuilder();
        if (location != null) {
            b.append(location).append(": ");
        }
        b.append(severity.label()).append('[').append(code).append("] ").append(message);
        if (hint != null && !hint.isEmpty()) {
            b.append(" (").append(hint).append(')');
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return format();
    }
}
