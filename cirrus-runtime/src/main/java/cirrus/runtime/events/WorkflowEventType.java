package cirrus.runtime.events;

import cirrus.runtime.port.WorkflowState;

/**
 * What happened to a payload: the event types of cirrus v0.15.4 {@code WFEventType} plus {@link
 * #ALREADY_CLAIMED} (cirrus v1).
 */
public enum WorkflowEventType {
    CLAIMED_PROCESSING,
    STARTED_PROCESSING,
    ALREADY_INVALID,
    ALREADY_PROCESSING,
    ALREADY_COMPLETED,
    ALREADY_CLAIMED,
    DUPLICATE_ID_ENCOUNTERED,
    FAILED,
    TIMED_OUT,
    SUCCEEDED,
    INVALID,
    ABORTED,
    RECORD_EXTRACT_FAILED,
    NOT_A_PROCESS_PAYLOAD;

    /** The {@code ALREADY_<STATE>} event of a payload found in {@code state}. */
    public static WorkflowEventType alreadyIn(WorkflowState state) {
        return switch (state) {
            case CLAIMED -> ALREADY_CLAIMED;
            case PROCESSING -> ALREADY_PROCESSING;
            case COMPLETED -> ALREADY_COMPLETED;
            case INVALID -> ALREADY_INVALID;
            case FAILED, ABORTED ->
                    throw new IllegalArgumentException(
                            "a " + state + " payload is processed again, not skipped");
        };
    }
}
