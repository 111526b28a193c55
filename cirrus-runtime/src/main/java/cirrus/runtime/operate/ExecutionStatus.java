package cirrus.runtime.operate;

/** The status of a workflow execution (Step Functions' values) plus {@link #UNKNOWN}. */
public enum ExecutionStatus {
    RUNNING,
    SUCCEEDED,
    FAILED,
    TIMED_OUT,
    ABORTED,
    /** The service does not know the execution (not started yet, or its history expired). */
    UNKNOWN;

    /** The status named {@code name}, {@link #UNKNOWN} for anything else (e.g. PENDING_REDRIVE). */
    public static ExecutionStatus of(String name) {
        for (ExecutionStatus s : values()) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        return UNKNOWN;
    }
}
