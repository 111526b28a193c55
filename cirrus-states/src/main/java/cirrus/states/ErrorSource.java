package cirrus.states;

/**
 * Where an error arose. Together with the error's name it decides whether a Retrier or Catcher may
 * handle it at all and which names in {@code ErrorEquals} match it besides its own.
 */
public enum ErrorSource {
    /**
     * Found by the interpreter while processing the state's input, output, paths, templates or
     * rules (e.g. a path that selects nothing, an intrinsic function that fails, a state output
     * over the payload limit).
     */
    STATE,
    /**
     * Reported for the task itself: a failure the task reported, its {@code TimeoutSeconds}
     * passing, or a task result over the payload limit (AWS records that one as the task's failure,
     * and {@code States.ALL} catches it).
     */
    TASK,
    /**
     * The task sent no heartbeat within {@code HeartbeatSeconds}. AWS reports it as {@code
     * States.Timeout}; {@code States.HeartbeatTimeout} in {@code ErrorEquals} matches it too.
     */
    HEARTBEAT,
    /** Escaped a Parallel branch or a Map iteration; {@code States.BranchFailed} matches it too. */
    BRANCH
}
