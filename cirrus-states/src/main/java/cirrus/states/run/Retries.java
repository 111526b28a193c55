package cirrus.states.run;

import java.util.ArrayList;
import java.util.List;

/**
 * How often each Retrier of the current state has retried ({@code attempts}, by Retrier index) and
 * in total ({@code $$.State.RetryCount}). Reset when the state is left.
 */
public record Retries(List<Integer> attempts, int count) {
    /** No retry yet. */
    public static final Retries NONE = new Retries(List.of(), 0);

    public Retries {
        attempts = List.copyOf(attempts);
    }

    /** Retries made by retrier {@code i}. */
    public int of(int i) {
        return i < attempts.size() ? attempts.get(i) : 0;
    }

    /** One more retry by retrier {@code i}. */
    public Retries plus(int i) {
        List<Integer> next = new ArrayList<>(attempts);
        while (next.size() <= i) {
            next.add(0);
        }
        next.set(i, next.get(i) + 1);
        return new Retries(next, count + 1);
    }
}
