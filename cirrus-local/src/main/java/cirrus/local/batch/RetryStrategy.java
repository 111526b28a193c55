package cirrus.local.batch;

import java.util.List;

/**
 * A job's {@code RetryStrategy}: how many attempts in total (1 to 10) and the {@link
 * EvaluateOnExit} rules (up to 5) deciding, after a failed attempt, whether to retry.
 *
 * @see <a href="https://docs.aws.amazon.com/batch/latest/userguide/job_retries.html">Automated job
 *     retries</a>
 */
public record RetryStrategy(int attempts, List<EvaluateOnExit> evaluateOnExit) {
    /** The default when a job has no retry strategy: one attempt. */
    public static final RetryStrategy SINGLE_ATTEMPT = new RetryStrategy(1, List.of());

    public RetryStrategy {
        if (attempts < 1 || attempts > 10) {
            throw new IllegalArgumentException(
                    "Attempts must be between 1 and 10, got " + attempts);
        }
        evaluateOnExit = evaluateOnExit == null ? List.of() : List.copyOf(evaluateOnExit);
        if (evaluateOnExit.size() > 5) {
            throw new IllegalArgumentException(
                    "EvaluateOnExit may hold at most 5 conditions, got " + evaluateOnExit.size());
        }
    }

    /**
     * Whether a job whose attempt number {@code attemptsMade} just failed with these values gets
     * another attempt: attempts must remain, and the first matching rule decides; when no rule
     * matches the job is retried (AWS semantics).
     */
    public boolean retries(int attemptsMade, String statusReason, String reason, Integer exitCode) {
        if (attemptsMade >= attempts) {
            return false;
        }
        for (EvaluateOnExit rule : evaluateOnExit) {
            if (rule.matches(statusReason, reason, exitCode)) {
                return rule.action() == RetryAction.RETRY;
            }
        }
        return true;
    }
}
