package cirrus.runtime.payload;

import java.util.Objects;

/**
 * A JSON document is not a valid Cirrus Process Payload. Carries a stable code and the field at
 * fault so that a one-line error can name it: {@code CIRRUS-P002 process.workflow: is required}.
 */
public final class InvalidPayloadException extends IllegalArgumentException {
    /** The stable problem codes. */
    public enum Code {
        /** The text is not JSON. */
        INVALID_JSON("CIRRUS-P001"),
        /** A required field is missing. */
        MISSING_FIELD("CIRRUS-P002"),
        /** A field has the wrong JSON type. */
        WRONG_TYPE("CIRRUS-P003"),
        /** The payload id is not {@code <collections>/workflow-<name>/<items>}. */
        INVALID_ID("CIRRUS-P004"),
        /** A field has an unusable value (bad chain_filter, bad path_template, ...). */
        INVALID_VALUE("CIRRUS-P005");

        private final String id;

        Code(String id) {
            this.id = id;
        }

        /** The code as printed, e.g. {@code CIRRUS-P002}. */
        public String id() {
            return id;
        }
    }

    private final Code code;
    private final String field;
    private final String problem;

    public InvalidPayloadException(Code code, String field, String problem) {
        super(field.isEmpty() ? problem : field + ": " + problem);
        this.code = Objects.requireNonNull(code, "code");
        this.field = field;
        this.problem = problem;
    }

    public Code code() {
        return code;
    }

    /** The dotted path of the field at fault ({@code process.upload_options}), or empty. */
    public String field() {
        return field;
    }

    /** The problem without the field. */
    public String problem() {
        return problem;
    }
}
