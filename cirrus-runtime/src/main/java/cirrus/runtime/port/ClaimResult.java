package cirrus.runtime.port;

import java.util.Objects;
import java.util.Optional;

/** The outcome of {@link StateStore#claim}: the claim was written, or the condition failed. */
public sealed interface ClaimResult {
    /**
     * The payload is now {@link WorkflowState#CLAIMED} for the requested execution.
     *
     * @param record the item after the claim
     */
    record Claimed(StateRecord record) implements ClaimResult {
        public Claimed {
            Objects.requireNonNull(record, "record");
        }
    }

    /**
     * Nothing was written: the payload is in flight, or its executions changed since it was read.
     *
     * @param current the item as it is now (empty if it was deleted meanwhile)
     */
    record Conflict(Optional<StateRecord> current) implements ClaimResult {
        public Conflict {
            Objects.requireNonNull(current, "current");
        }
    }
}
