package cirrus.states.run;

import java.time.Instant;
import java.util.concurrent.BlockingQueue;

/**
 * The execution's clock for {@link SyncDriver}: tells the time and waits for the next timer or
 * event. Implementations decide how virtual time relates to real time ({@link ScaledClock}, {@link
 * ManualClock}).
 */
public interface Clock {
    /** The current time on the execution's clock. */
    Instant now();

    /**
     * Waits until an element arrives in {@code events} or the clock reaches {@code due}.
     *
     * @param due the next timer, or null when only events can come
     * @param tasksRunning whether tasks are running that will post events
     * @return the element, or null when {@code due} was reached first
     */
    <T> T await(BlockingQueue<T> events, Instant due, boolean tasksRunning)
            throws InterruptedException;
}
