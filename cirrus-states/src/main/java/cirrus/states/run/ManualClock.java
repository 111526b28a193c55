package cirrus.states.run;

import java.time.Instant;
import java.util.concurrent.BlockingQueue;

/**
 * A clock that only moves when nothing else can happen: it jumps straight to the next timer once no
 * task is running. Waits and retry intervals take no real time and tasks take no virtual time; runs
 * are fast and deterministic (for tests and benchmarks).
 */
public final class ManualClock implements Clock {
    private Instant now;

    public ManualClock(Instant start) {
        this.now = start;
    }

    @Override
    public synchronized Instant now() {
        return now;
    }

    @Override
    public <T> T await(BlockingQueue<T> events, Instant due, boolean tasksRunning)
            throws InterruptedException {
        T event = events.poll();
        if (event != null) {
            return event;
        }
        if (tasksRunning || due == null) {
            return events.take();
        }
        synchronized (this) {
            if (due.isAfter(now)) {
                now = due;
            }
        }
        return null;
    }
}
