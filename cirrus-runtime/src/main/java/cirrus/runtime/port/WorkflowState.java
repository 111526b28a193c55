package cirrus.runtime.port;

import java.util.List;

/**
 * The state of a payload in the state store: the five states of cirrus v0.15.4 plus {@link
 * #CLAIMED} of cirrus v1.
 *
 * <pre>
 * (none|FAILED|ABORTED|CLAIMED*) --claim--&gt; CLAIMED --workflow started--&gt; PROCESSING
 * COMPLETED|INVALID --claim with replace--&gt; CLAIMED
 * PROCESSING --execution ends--&gt; COMPLETED | FAILED | INVALID | ABORTED
 * </pre>
 *
 * (*) a payload left CLAIMED by a crash is re-attempted with the execution name it already holds.
 */
public enum WorkflowState {
    CLAIMED,
    PROCESSING,
    COMPLETED,
    FAILED,
    INVALID,
    ABORTED;

    /** The states stored by cirrus v0.15.4, in the order its API reports counts. */
    public static final List<WorkflowState> V0_STATES =
            List.of(PROCESSING, COMPLETED, FAILED, INVALID, ABORTED);

    /** A workflow execution is planned or running for the payload. */
    public boolean isInFlight() {
        return this == CLAIMED || this == PROCESSING;
    }

    /** The last execution has ended (successfully or not). */
    public boolean isFinal() {
        return !isInFlight();
    }

    /** {@code process} starts the payload again without being asked to replace it. */
    public boolean isRetriedByProcess() {
        return this == FAILED || this == ABORTED;
    }

    /** {@code process} starts the payload again only when {@code replace} is set. */
    public boolean needsReplaceToRerun() {
        return this == COMPLETED || this == INVALID;
    }

    /**
     * Parses the state part of {@code state_updated} ({@code <STATE>_<timestamp>}).
     *
     * @throws IllegalArgumentException when the value has no known state prefix
     */
    public static WorkflowState ofStateUpdated(String stateUpdated) {
        int at = stateUpdated.indexOf('_');
        String name = at < 0 ? stateUpdated : stateUpdated.substring(0, at);
        return valueOf(name);
    }
}
