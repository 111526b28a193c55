package cirrus.validate;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * What the validator needs to know beyond the project.
 *
 * @param computeEnvironmentsInAccount compute environments the account already has in the Region
 *     (outside this stack), counted against the quota of 50
 * @param jobQueuesInAccount job queues the account already has in the Region, likewise
 * @param today the day (UTC) the Lambda runtime deprecation dates are compared with
 */
public record ValidationOptions(
        int computeEnvironmentsInAccount, int jobQueuesInAccount, LocalDate today) {
    /** Nothing else in the account, today's date. */
    public static final ValidationOptions DEFAULT = new ValidationOptions(0, 0);

    public ValidationOptions {
        if (computeEnvironmentsInAccount < 0 || jobQueuesInAccount < 0) {
            throw new IllegalArgumentException("account usage cannot be negative");
        }
        Objects.requireNonNull(today, "today");
    }

    /** Account usage, compared with today's date (UTC). */
    public ValidationOptions(int computeEnvironmentsInAccount, int jobQueuesInAccount) {
        this(computeEnvironmentsInAccount, jobQueuesInAccount, LocalDate.now(ZoneOffset.UTC));
    }

    /** The same options on another day (tests, and checking a deployment planned ahead). */
    public ValidationOptions withToday(LocalDate day) {
        return new ValidationOptions(computeEnvironmentsInAccount, jobQueuesInAccount, day);
    }

    /**
     * Parses {@code --account-usage}: {@code N} (that many compute environments and job queues) or
     * {@code ce=N,jq=M}.
     *
     * @throws IllegalArgumentException with a message for the user when it is neither
     */
    public static ValidationOptions parseAccountUsage(String text) {
        String t = text.trim();
        try {
            if (t.matches("\\d+")) {
                int n = Integer.parseInt(t);
                return new ValidationOptions(n, n);
            }
            int ce = 0;
            int jq = 0;
            for (String part : t.split(",")) {
                String[] kv = part.trim().split("=", 2);
                if (kv.length != 2 || !kv[1].trim().matches("\\d+")) {
                    throw new IllegalArgumentException(part);
                }
                int n = Integer.parseInt(kv[1].trim());
                switch (kv[0].trim().toLowerCase(java.util.Locale.ROOT)) {
                    case "ce" -> ce = n;
                    case "jq" -> jq = n;
                    default -> throw new IllegalArgumentException(part);
                }
            }
            return new ValidationOptions(ce, jq);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "expected N or ce=N,jq=M (compute environments and job queues the account"
                            + " already has), not '"
                            + text
                            + "'",
                    e);
        }
    }
}
