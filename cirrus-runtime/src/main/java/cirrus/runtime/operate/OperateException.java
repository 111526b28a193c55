package cirrus.runtime.operate;

import java.util.Objects;

/** Something the operator asked for that does not exist or cannot be done; one line and a hint. */
public final class OperateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Stable codes, printed as {@code error[CIRRUS-Oxxx]}. */
    public enum Code {
        PAYLOAD_NOT_FOUND("CIRRUS-O001"),
        EXECUTION_NOT_FOUND("CIRRUS-O002"),
        BATCH_JOB_NOT_FOUND("CIRRUS-O003"),
        BAD_FILTER("CIRRUS-O004"),
        STACK_NOT_FOUND("CIRRUS-O005"),
        NO_CREDENTIALS("CIRRUS-O006"),
        STACK_INCOMPLETE("CIRRUS-O007"),
        AWS_ERROR("CIRRUS-O008");

        private final String id;

        Code(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    private final Code code;
    private final String hint;

    public OperateException(Code code, String message, String hint) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
        this.hint = hint == null ? "" : hint;
    }

    public Code code() {
        return code;
    }

    /** What to do about it (may be empty). */
    public String hint() {
        return hint;
    }

    /** {@code error[CODE] message (hint: …)} on one line. */
    public String oneLine() {
        String line = "error[" + code.id() + "] " + getMessage().replace('\n', ' ');
        return hint.isEmpty() ? line : line + " (hint: " + hint + ")";
    }
}
