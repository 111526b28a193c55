package cirrus.runtime.payload;

import java.util.Objects;
import java.util.Optional;

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
    private final PayloadId unusableId;

    public InvalidPayloadException(Code code, String field, String problem) {
        this(code, field, problem, null);
    }

    private InvalidPayloadException(Code code, String field, String problem, PayloadId unusableId) {
        super(field.isEmpty() ? problem : field + ": " + problem);
        this.code = Objects.requireNonNull(code, "code");
        this.field = field;
        this.problem = problem;
        this.unusableId = unusableId;
    }

    /** The payload id parses but breaks {@link PayloadIdRule}: it has a state key, not a home. */
    static InvalidPayloadException unusableId(PayloadId id, String problem) {
        return new InvalidPayloadException(Code.INVALID_ID, "id", problem, id);
    }

    /**
     * The id of a payload that is well formed except that its id breaks {@link PayloadIdRule}: the
     * process function records such a payload as INVALID under this id instead of retrying it.
     */
    public Optional<PayloadId> unusableId() {
        return Optional.ofNullable(unusableId);
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
