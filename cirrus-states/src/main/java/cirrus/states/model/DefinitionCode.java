package cirrus.states.model;

/**
 * Stable codes of definition errors, printed as {@code error[ASL-E005]}. Codes never change
 * meaning; new problems get new codes.
 */
public enum DefinitionCode {
    /** A required field is absent. */
    MISSING_FIELD("ASL-E001"),
    /** A field has the wrong JSON type. */
    WRONG_TYPE("ASL-E002"),
    /** A field that this kind of state (or object) does not have. */
    UNKNOWN_FIELD("ASL-E003"),
    /** {@code Type} is not one of the eight state types. */
    UNKNOWN_STATE_TYPE("ASL-E004"),
    /** {@code StartAt}, {@code Next} or {@code Default} names no state of its scope. */
    UNKNOWN_STATE("ASL-E005"),
    /** A state lacks {@code Next}/{@code End}, has both, or has one it must not have. */
    BAD_TRANSITION("ASL-E006"),
    /** A path or reference path does not parse or is not allowed there. */
    BAD_PATH("ASL-E007"),
    /** A payload template or intrinsic function does not compile. */
    BAD_TEMPLATE("ASL-E008"),
    /** A value out of range or not one of the allowed values. */
    BAD_VALUE("ASL-E009"),
    /** Two fields that exclude each other. */
    CONFLICTING_FIELDS("ASL-E010"),
    /** An {@code ErrorEquals} array that is empty or misuses {@code States.ALL}. */
    BAD_ERROR_EQUALS("ASL-E011"),
    /** A Choice Rule without exactly one comparison, or with a misplaced {@code Next}. */
    BAD_CHOICE_RULE("ASL-E012"),
    /** A state no transition reaches. */
    UNREACHABLE_STATE("ASL-E013"),
    /** A valid feature this interpreter does not implement (JSONata, variables, ItemReader...). */
    UNSUPPORTED("ASL-E014"),
    /** A state name longer than 80 characters. */
    BAD_STATE_NAME("ASL-E015"),
    /** The document is not JSON/YAML or not an object. */
    NOT_A_DEFINITION("ASL-E016");

    private final String code;

    DefinitionCode(String code) {
        this.code = code;
    }

    /** The printed code, e.g. {@code ASL-E005}. */
    public String code() {
        return code;
    }
}
