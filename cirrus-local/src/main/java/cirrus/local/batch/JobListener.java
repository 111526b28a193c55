package cirrus.local.batch;

/**
 * Observes the emulator. Called on the emulator's scheduling thread after each change is persisted,
 * in order; must return quickly (hand work to another thread). Calling the emulator from a listener
 * is allowed.
 */
public interface JobListener {
    /** A job changed status (including its submission as SUBMITTED). */
    void jobChanged(Job job);

    /** A job at the head of its queue was found to never fit its compute environments. */
    default void jobBlocked(BlockedJob blocked) {}
}
