package cirrus.aws.config;

import java.time.Duration;

import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;

/**
 * How every cirrus AWS client retries: the SDK's standard strategy (throttling, 5xx, transient I/O
 * errors, clock skew) with more attempts than the default and exponential backoff with full jitter,
 * longer for throttling than for other transient errors. Conditional-check failures are not
 * retried: they are state, handled by the adapters.
 *
 * @param maxAttempts attempts including the first
 * @param base the first backoff (before jitter)
 * @param throttlingBase the first backoff after a throttling error
 * @param max the longest backoff
 */
public record Retries(int maxAttempts, Duration base, Duration throttlingBase, Duration max) {
    /** 8 attempts, 50 ms (throttling 250 ms) doubling up to 10 s, full jitter. */
    public static final Retries DEFAULT =
            new Retries(8, Duration.ofMillis(50), Duration.ofMillis(250), Duration.ofSeconds(10));

    public Retries {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** The SDK retry strategy. */
    public RetryStrategy strategy() {
        return AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(maxAttempts)
                .backoffStrategy(BackoffStrategy.exponentialDelay(base, max))
                .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(throttlingBase, max))
                .circuitBreakerEnabled(false)
                .build();
    }
}
