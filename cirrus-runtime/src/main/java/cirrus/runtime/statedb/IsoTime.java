package cirrus.runtime.statedb;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The timestamp text of the state table: Python's {@code datetime.now(timezone.utc).isoformat()}
 * with microseconds always present ({@code 2024-01-02T03:04:05.123456+00:00}), so that the strings
 * sort in time order; parsing also accepts the forms Python writes without microseconds or with
 * {@code Z}.
 */
public final class IsoTime {
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSxxx");

    private IsoTime() {}

    /** Formats {@code instant} (truncated to microseconds) in UTC. */
    public static String format(Instant instant) {
        return FORMAT.format(instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC));
    }

    /**
     * Parses an ISO-8601 timestamp with an offset.
     *
     * @throws IllegalArgumentException when the text is not one
     */
    public static Instant parse(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not an ISO-8601 timestamp with offset: " + text, e);
        }
    }
}
