package cirrus.states.run;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Real time, except that waiting for a timer (Wait states, retry intervals, timeouts) takes {@code
 * scale} times as long: with a scale of 0.001, {@code "Seconds": 600} passes in 0.6 s of real time
 * while the execution's clock advances 600 s. Tasks run in real time. A scale of 1 is the wall
 * clock.
 */
public final class ScaledClock implements Clock {
    private final double scale;
    private final Instant start;
    private final long startNanos;

    /** Virtual time skipped by scaled waits, in nanoseconds. */
    private long skippedNanos;

    public ScaledClock(double scale) {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException(
                    "the time scale must be a positive number, not " + scale);
        }
        this.scale = scale;
        this.start = Instant.now();
        this.startNanos = System.nanoTime();
    }

    @Override
    public synchronized Instant now() {
        return start.plusNanos(System.nanoTime() - startNanos + skippedNanos);
    }

    @Override
    public <T> T await(BlockingQueue<T> events, Instant due, boolean tasksRunning)
            throws InterruptedException {
        if (due == null) {
            return events.take();
        }
        long virtual = Math.max(0, Duration.between(now(), due).toNanos());
        long real = (long) Math.min(Long.MAX_VALUE / 2.0, virtual * scale);
        long before = System.nanoTime();
        T event = events.poll(real, TimeUnit.NANOSECONDS);
        long spent = System.nanoTime() - before;
        synchronized (this) {
            // a timer that fired moves the clock exactly to its due time (a late wake-up would be
            // magnified by 1/scale); an event that came earlier moves it in proportion
            skippedNanos += event == null ? virtual - spent : (long) (spent / scale) - spent;
        }
        return event;
    }
}
