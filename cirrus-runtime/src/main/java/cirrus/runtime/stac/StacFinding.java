package cirrus.runtime.stac;

/**
 * One thing a STAC item's check found.
 *
 * @param pointer JSON pointer of the offending value in the checked document ({@code
 *     /features/2/links}), empty for the document itself
 * @param message what is wrong, in one line
 * @param error {@code true} for a schema violation, {@code false} for a warning (an extension whose
 *     schema is not bundled, so not checked)
 */
public record StacFinding(String pointer, String message, boolean error) {
    /** The stable code: {@code CIRRUS-P006} for a schema violation, {@code CIRRUS-P007} else. */
    public String code() {
        return error ? "CIRRUS-P006" : "CIRRUS-P007";
    }

    /** {@code error[CIRRUS-P006] /features/2/links: message}, one line. */
    public String diagnostic() {
        return (error ? "error[" : "warning[") + code() + "] " + line();
    }

    /** {@code /features/2/links: message}, one line. */
    public String line() {
        return (pointer.isEmpty() ? "/" : pointer) + ": " + message;
    }
}
