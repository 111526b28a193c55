package cirrus.validate.schema;

import cirrus.diag.Location;

/**
 * One way a YAML value does not match its schema.
 *
 * @param kind what is wrong
 * @param location where (the key for unknown keys, the value otherwise)
 * @param message one line saying what is wrong
 * @param hint how to fix it, or {@code null}
 */
public record Violation(Kind kind, Location location, String message, String hint) {
    /** The kinds of violation; each is reported by its own rule. */
    public enum Kind {
        /** The value has the wrong type. */
        WRONG_TYPE,
        /** A key the schema does not know, or knows to be ignored. */
        UNKNOWN_KEY,
        /** A required key is missing. */
        MISSING_KEY,
        /**
         * The value is of the right type but out of range, not in the enumeration, or malformed.
         */
        BAD_VALUE
    }
}
