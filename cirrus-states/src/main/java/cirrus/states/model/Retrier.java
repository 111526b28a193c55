package cirrus.states.model;

import java.time.Duration;
import java.util.List;
import java.util.random.RandomGenerator;

import cirrus.states.ErrorNames;
import cirrus.states.ErrorSource;

/**
 * A Retrier: which errors it handles and how often and how long after it retries.
 *
 * @param errorEquals the error names it matches ({@code States.ALL} alone matches any)
 * @param intervalSeconds seconds before the first retry (default 1)
 * @param maxAttempts retries allowed (default 3; 0 never retries)
 * @param backoffRate multiplier of the interval per retry (default 2.0)
 * @param maxDelaySeconds cap of the interval, or null
 * @param jitter the jitter strategy
 * @see <a href="https://states-language.net/spec.html#retrying-after-error">Retrying after
 *     error</a>
 */
public record Retrier(
        List<String> errorEquals,
        int intervalSeconds,
        int maxAttempts,
        double backoffRate,
        Integer maxDelaySeconds,
        JitterStrategy jitter) {
    public Retrier {
        errorEquals = List.copyOf(errorEquals);
    }

    /** Whether the retrier handles the error. */
    public boolean matches(String error, ErrorSource source) {
        for (String name : errorEquals) {
            if (ErrorNames.matches(name, error, source)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The wait before retry number {@code retriesSoFar + 1}: {@code IntervalSeconds *
     * BackoffRate^retriesSoFar}, capped by {@code MaxDelaySeconds}, then jittered.
     */
    public Duration delay(int retriesSoFar, RandomGenerator random) {
        double seconds = intervalSeconds * Math.pow(backoffRate, retriesSoFar);
        if (maxDelaySeconds != null) {
            seconds = Math.min(seconds, maxDelaySeconds);
        }
        if (jitter == JitterStrategy.FULL) {
            seconds = random.nextDouble() * seconds;
        }
        return Duration.ofMillis(Math.round(seconds * 1000));
    }
}
