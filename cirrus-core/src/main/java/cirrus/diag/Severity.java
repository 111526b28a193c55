package cirrus.diag;

/** How bad a {@link Diagnostic} is. Errors stop a build; warnings and notes do not. */
public enum Severity {
    ERROR,
    WARNING,
    NOTE;

    /** The lower-case word printed in {@code file:line:col: error[CODE] message}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean isError() {
        return this == ERROR;
    }
}
