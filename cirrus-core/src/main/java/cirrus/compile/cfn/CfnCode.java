package cirrus.compile.cfn;

/**
 * The stable codes of the findings of {@code cirrus build --target cloudformation}. Codes are never
 * reused; messages name the configuration path ({@code functions.api.events[0]}) since the resolved
 * configuration no longer knows the file it came from.
 */
public enum CfnCode {
    /**
     * A serverless variable cannot be resolved. Not used any more: the resolver's own codes ({@code
     * CIRRUS-R00x}) are reported; kept so the code is never reused.
     */
    UNRESOLVED_VARIABLE("CIRRUS-CF001"),
    /** A function, event or state machine setting has no CloudFormation translation here. */
    UNSUPPORTED("CIRRUS-CF002"),
    /** A setting has the wrong shape (a string where a map is needed, ...). */
    INVALID("CIRRUS-CF003"),
    /** Two resources, outputs or parameters would get the same logical id. */
    DUPLICATE_ID("CIRRUS-CF004"),
    /** A function has neither a code directory, an artifact nor an image. */
    NO_CODE("CIRRUS-CF005"),
    /** The template is larger than CloudFormation accepts. */
    LIMIT("CIRRUS-CF006"),
    /** A state machine task whose permissions cannot be derived (warning). */
    UNKNOWN_PERMISSIONS("CIRRUS-CF007"),
    /** A name CloudFormation or a service would reject (too long, bad characters). */
    BAD_NAME("CIRRUS-CF008"),
    /**
     * A Ref, Fn::GetAtt, Fn::Sub variable, DependsOn or condition names nothing in the template.
     */
    UNKNOWN_REFERENCE("CIRRUS-CF009"),
    /** A provider setting that has no effect on the template (warning). */
    IGNORED_SETTING("CIRRUS-CF010");

    private final String code;

    CfnCode(String code) {
        this.code = code;
    }

    /** The code as printed, e.g. {@code CIRRUS-CF001}. */
    public String code() {
        return code;
    }
}
