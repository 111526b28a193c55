package cirrus.local.batch;

import java.util.regex.Pattern;

/**
 * One {@code EvaluateOnExit} rule of a retry strategy: glob patterns on the attempt's status
 * reason, container reason and exit code, and the action when all given patterns match. A pattern
 * matches exactly, or by prefix when it ends with {@code *}; a missing value is matched as the
 * empty string.
 *
 * @see <a href="https://docs.aws.amazon.com/batch/latest/APIReference/API_EvaluateOnExit.html">
 *     EvaluateOnExit</a>
 */
public record EvaluateOnExit(
        String onStatusReason, String onReason, String onExitCode, RetryAction action) {
    private static final Pattern REASON = Pattern.compile("[A-Za-z0-9.:\\s]*\\*?");
    private static final Pattern EXIT_CODE = Pattern.compile("[0-9]*\\*?");
    private static final int MAX_LENGTH = 512;

    public EvaluateOnExit {
        if (action == null) {
            throw new IllegalArgumentException("Action is required (RETRY or EXIT)");
        }
        check(
                "OnStatusReason",
                onStatusReason,
                REASON,
                "letters, numbers, periods, colons and" + " white space");
        check("OnReason", onReason, REASON, "letters, numbers, periods, colons and white space");
        check("OnExitCode", onExitCode, EXIT_CODE, "numbers");
    }

    /** Whether every pattern that is set matches the attempt's values. */
    public boolean matches(String statusReason, String reason, Integer exitCode) {
        return glob(onStatusReason, statusReason)
                && glob(onReason, reason)
                && glob(onExitCode, exitCode == null ? null : Integer.toString(exitCode));
    }

    private static boolean glob(String pattern, String value) {
        if (pattern == null) {
            return true;
        }
        String actual = value == null ? "" : value;
        return pattern.endsWith("*")
                ? actual.startsWith(pattern.substring(0, pattern.length() - 1))
                : actual.equals(pattern);
    }

    private static void check(String field, String pattern, Pattern allowed, String what) {
        if (pattern == null) {
            return;
        }
        if (pattern.isEmpty() || pattern.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(
                    field + " must be 1 to " + MAX_LENGTH + " characters long");
        }
        if (!allowed.matcher(pattern).matches()) {
            throw new IllegalArgumentException(
                    field
                            + " '"
                            + pattern
                            + "' may contain only "
                            + what
                            + ", optionally ending with '*'");
        }
    }
}
