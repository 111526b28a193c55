package cirrus.aws.config;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with full jitter for retries the SDK does not do itself (unprocessed batch
 * entries): sleeps a random time in {@code [0, min(cap, base * 2^attempt))}.
 */
public final class Backoff {
    private static final long BASE_MILLIS = 50;
    private static final long CAP_MILLIS = 5_000;

    private Backoff() {}

    /** Sleeps before retry number {@code attempt} (0 for the first retry). */
    public static void sleep(int attempt) {
        long ceiling = Math.min(CAP_MILLIS, BASE_MILLIS << Math.min(attempt, 16));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(ceiling + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while backing off", e);
        }
    }
}
