package cirrus.states.run;

import java.util.List;

/**
 * What a {@link Run} waits for in its current state. Everything else a state does happens at once,
 * so a snapshot only ever holds runs that wait.
 */
public sealed interface Activity
        permits Activity.AwaitingTask,
                Activity.AwaitingWait,
                Activity.AwaitingRetry,
                Activity.AwaitingBranches {

    /**
     * A Task state waits for the outcome of the invocation {@code token}.
     *
     * @param timeoutTimer the timer of {@code TimeoutSeconds}, or null
     * @param heartbeatTimer the timer of {@code HeartbeatSeconds}, or null
     * @param heartbeatSeconds the heartbeat interval to re-arm the timer with, or 0
     */
    record AwaitingTask(
            String token,
            Retries retries,
            String timeoutTimer,
            String heartbeatTimer,
            int heartbeatSeconds)
            implements Activity {}

    /** A Wait state waits for its timer. */
    record AwaitingWait(String timer) implements Activity {}

    /** A Task, Parallel or Map state waits to run again after an error (Retry). */
    record AwaitingRetry(String timer, Retries retries) implements Activity {}

    /**
     * A Parallel or Map state waits for its branches or iterations.
     *
     * @param slots one per branch or item, in order
     * @param maxConcurrency how many may run at once (0: no limit)
     * @param toleratedCount failures a Map tolerates, or -1 when not set
     * @param toleratedPercentage percentage of failures a Map tolerates, or -1 when not set
     */
    record AwaitingBranches(
            List<Slot> slots,
            Retries retries,
            int maxConcurrency,
            int toleratedCount,
            double toleratedPercentage)
            implements Activity {
        public AwaitingBranches {
            slots = List.copyOf(slots);
        }
    }
}
