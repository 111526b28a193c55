package cirrus.local.batch;

/**
 * Stable codes of the problems found in Batch resources and requests. The code is part of every
 * message so that users and tests can rely on it; the wording may improve over time.
 */
public enum BatchCode {
    /** A required CloudFormation property is absent. */
    MISSING_PROPERTY("CIRRUS-B101"),
    /** A property has the wrong type, format or range. */
    INVALID_VALUE("CIRRUS-B102"),
    /** A job queue names a compute environment that is not declared. */
    UNKNOWN_REFERENCE("CIRRUS-B103"),
    /** Two resources of one type resolve to the same name. */
    DUPLICATE_NAME("CIRRUS-B104"),
    /** A valid AWS feature that the local emulator does not implement. */
    UNSUPPORTED("CIRRUS-B105"),
    /**
     * A value is still a CloudFormation intrinsic ({@code Fn::…}) where a plain value is needed.
     */
    UNRESOLVED_INTRINSIC("CIRRUS-B106"),
    /** A SubmitJob request (or another API call) was rejected, like AWS's ClientException. */
    CLIENT_ERROR("CIRRUS-B201");

    private final String code;

    BatchCode(String code) {
        this.code = code;
    }

    /** The stable code, e.g. {@code CIRRUS-B101}. */
    public String code() {
        return code;
    }
}
