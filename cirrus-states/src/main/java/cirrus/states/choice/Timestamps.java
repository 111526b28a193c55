package cirrus.states.choice;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Timestamps as the States Language defines them: RFC 3339 with an uppercase {@code T} and an
 * uppercase {@code Z} or a numeric offset, e.g. {@code 2016-03-14T01:59:00Z}.
 *
 * @see <a href="https://states-language.net/spec.html#timestamps">Timestamps</a>
 */
public final class Timestamps {
    private static final Pattern SHAPE =
            Pattern.compile(
                    "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})");

    private Timestamps() {}

    /** The instant a timestamp denotes, or null when the text is not a valid timestamp. */
    public static Instant parse(String text) {
        if (text == null || !SHAPE.matcher(text).matches()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
