package cirrus.local.run;

/**
 * Where a run stands.
 *
 * @param total payloads watched (chained payloads included as they appear)
 * @param done payloads that reached a final state
 * @param failed of those, FAILED, INVALID or ABORTED
 * @param runningExecutions executions running in the engine
 * @param queued messages waiting in the process queue
 * @param runningJobs Batch jobs starting or running
 */
public record RunProgress(
        int total, int done, int failed, long runningExecutions, long queued, int runningJobs) {
    /** One line for the terminal. */
    public String line() {
        return done
                + "/"
                + total
                + " payloads done"
                + (failed > 0 ? " (" + failed + " failed)" : "")
                + ", "
                + runningExecutions
                + " executions running, "
                + queued
                + " queued"
                + (runningJobs > 0 ? ", " + runningJobs + " Batch jobs running" : "");
    }
}
