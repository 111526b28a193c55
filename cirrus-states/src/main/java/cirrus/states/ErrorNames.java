package cirrus.states;

/**
 * The predefined error names of the States Language (Appendix A) and their matching rules.
 *
 * @see <a href="https://states-language.net/spec.html#appendix-a">Appendix A</a>
 */
public final class ErrorNames {
    public static final String ALL = "States.ALL";
    public static final String HEARTBEAT_TIMEOUT = "States.HeartbeatTimeout";
    public static final String TIMEOUT = "States.Timeout";
    public static final String TASK_FAILED = "States.TaskFailed";
    public static final String PERMISSIONS = "States.Permissions";
    public static final String RESULT_PATH_MATCH_FAILURE = "States.ResultPathMatchFailure";
    public static final String PARAMETER_PATH_FAILURE = "States.ParameterPathFailure";
    public static final String BRANCH_FAILED = "States.BranchFailed";
    public static final String NO_CHOICE_MATCHED = "States.NoChoiceMatched";
    public static final String INTRINSIC_FAILURE = "States.IntrinsicFailure";
    public static final String EXCEED_TOLERATED_FAILURE_THRESHOLD =
            "States.ExceedToleratedFailureThreshold";
    public static final String RUNTIME = "States.Runtime";
    public static final String DATA_LIMIT_EXCEEDED = "States.DataLimitExceeded";

    private ErrorNames() {}

    /**
     * Whether a Retrier or Catcher may handle the error at all. AWS documents {@code
     * States.Runtime} and {@code States.DataLimitExceeded} as terminal: not even {@code States.ALL}
     * catches them.
     */
    public static boolean isCatchable(String error) {
        return !RUNTIME.equals(error) && !DATA_LIMIT_EXCEEDED.equals(error);
    }

    /**
     * Whether the name {@code pattern} listed in an {@code ErrorEquals} array matches {@code
     * error}.
     *
     * @param fromBranch whether the error escaped a Parallel branch or a Map iteration (then {@code
     *     States.BranchFailed} matches it too)
     */
    public static boolean matches(String pattern, String error, boolean fromBranch) {
        if (!isCatchable(error)) {
            return false;
        }
        if (pattern.equals(error)) {
            return true;
        }
        return switch (pattern) {
            case ALL -> true;
            case TASK_FAILED -> !TIMEOUT.equals(error) && !HEARTBEAT_TIMEOUT.equals(error);
            case TIMEOUT -> HEARTBEAT_TIMEOUT.equals(error);
            case BRANCH_FAILED -> fromBranch;
            default -> false;
        };
    }
}
