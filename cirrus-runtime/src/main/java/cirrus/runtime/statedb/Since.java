package cirrus.runtime.statedb;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code since} argument of state queries: {@code <n>d}, {@code <n>h} or {@code <n>m} (days,
 * hours, minutes), as cirrus v0.15.4 {@code since_to_timedelta} accepts.
 */
public final class Since {
    private static final Pattern FORMAT = Pattern.compile("(\\d+)([dhm])");

    /** The longest {@code since}: older than that no state item can be. */
    private static final Duration MAX = Duration.ofDays(36_525);

    private Since() {}

    /**
     * Parses {@code 7d}, {@code 12h}, {@code 30m}.
     *
     * @throws IllegalArgumentException for anything else (e.g. the documented but unsupported
     *     {@code w})
     */
    public static Duration parse(String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "since must be <number><unit> with unit d, h or m (e.g. 7d), got '"
                            + text
                            + "'");
        }
        Duration since;
        try {
            long n = Long.parseLong(m.group(1));
            since =
                    switch (m.group(2)) {
                        case "d" -> Duration.ofDays(n);
                        case "h" -> Duration.ofHours(n);
                        default -> Duration.ofMinutes(n);
                    };
        } catch (ArithmeticException | NumberFormatException e) {
            since = null;
        }
        if (since == null || since.compareTo(MAX) > 0) {
            throw new IllegalArgumentException(
                    "since must be at most " + MAX.toDays() + "d (100 years), got '" + text + "'");
        }
        return since;
    }
}
