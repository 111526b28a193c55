package cirrus.states;

import java.util.List;

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
    public static final String QUERY_EVALUATION_ERROR = "States.QueryEvaluationError";
    public static final String ITEM_READER_FAILED = "States.ItemReaderFailed";
    public static final String RESULT_WRITER_FAILED = "States.ResultWriterFailed";
    public static final String HTTP_SOCKET = "States.Http.Socket";

    /**
     * Every predefined name: the spec's Appendix A and those the AWS developer guide adds ({@code
     * States.Runtime}, {@code States.DataLimitExceeded}, {@code States.Http.Socket}). The
     * interpreter itself never raises {@code States.Permissions}, {@code States.Http.Socket} (no
     * IAM, no HTTP Task; a task may report them), {@code States.QueryEvaluationError}, {@code
     * States.ItemReaderFailed} or {@code States.ResultWriterFailed} (JSONata and Distributed Map
     * readers and writers are refused); the conformance corpus shows how each is represented.
     */
    public static final List<String> PREDEFINED =
            List.of(
                    ALL,
                    HEARTBEAT_TIMEOUT,
                    TIMEOUT,
                    TASK_FAILED,
                    PERMISSIONS,
                    RESULT_PATH_MATCH_FAILURE,
                    PARAMETER_PATH_FAILURE,
                    BRANCH_FAILED,
                    NO_CHOICE_MATCHED,
                    INTRINSIC_FAILURE,
                    EXCEED_TOLERATED_FAILURE_THRESHOLD,
                    RUNTIME,
                    DATA_LIMIT_EXCEEDED,
                    QUERY_EVALUATION_ERROR,
                    ITEM_READER_FAILED,
                    RESULT_WRITER_FAILED,
                    HTTP_SOCKET);

    private ErrorNames() {}

    /**
     * Whether no Retrier or Catcher may handle the error, not even {@code States.ALL}: AWS ends the
     * execution. That is {@code States.Runtime} always, and {@code States.DataLimitExceeded} unless
     * it is a task's own failure (a task result over the limit: recorded AWS runs show {@code
     * States.ALL} catching it; everywhere else the developer guide calls it terminal).
     */
    public static boolean isTerminal(String error, ErrorSource source) {
        return RUNTIME.equals(error)
                || (DATA_LIMIT_EXCEEDED.equals(error) && source != ErrorSource.TASK);
    }

    /**
     * Whether the name {@code pattern} listed in an {@code ErrorEquals} array matches {@code
     * error}, which arose at {@code source}.
     */
    public static boolean matches(String pattern, String error, ErrorSource source) {
        if (isTerminal(error, source)) {
            return false;
        }
        if (pattern.equals(error)) {
            return true;
        }
        return switch (pattern) {
            case ALL -> true;
            case TASK_FAILED -> !TIMEOUT.equals(error) && !HEARTBEAT_TIMEOUT.equals(error);
            case TIMEOUT -> HEARTBEAT_TIMEOUT.equals(error);
            case HEARTBEAT_TIMEOUT -> source == ErrorSource.HEARTBEAT;
            case BRANCH_FAILED -> source == ErrorSource.BRANCH;
            default -> false;
        };
    }
}
