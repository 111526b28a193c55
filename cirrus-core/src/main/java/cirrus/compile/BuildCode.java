package cirrus.compile;

/**
 * The stable codes of the findings {@code cirrus build} reports. Codes are never reused; the
 * messages say what is wrong and, where it helps, how to fix it.
 */
public enum BuildCode {
    /** Two requirements of one Lambda name the same package. */
    DUPLICATE_REQUIREMENT("CIRRUS-B003"),
    /** A requirement is not a PEP 508 requirement string. */
    INVALID_REQUIREMENT("CIRRUS-B004"),
    /** The build directory could not be written. */
    OUTPUT_FAILED("CIRRUS-B008"),
    /** Two components of different groups declare the same Lambda or state machine name. */
    DUPLICATE_DECLARATION("CIRRUS-B020"),
    /** The jar of the builtin Java Lambdas was not found (warning; deploys will fail). */
    BUILTINS_JAR_MISSING("CIRRUS-B021"),
    /** Python Lambdas are built without the cirrus.lib2 runtime copy (warning). */
    PYTHON_LIB_MISSING("CIRRUS-B022");

    private final String code;

    BuildCode(String code) {
        this.code = code;
    }

    /** The code as printed, e.g. {@code CIRRUS-B003}. */
    public String code() {
        return code;
    }
}
