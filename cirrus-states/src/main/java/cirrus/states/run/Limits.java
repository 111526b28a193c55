package cirrus.states.run;

/**
 * Service limits the interpreter enforces, by default those of AWS Step Functions standard
 * workflows.
 *
 * @param maxPayloadBytes largest input, output or task payload (UTF-8 JSON bytes); larger ones fail
 *     with {@code States.DataLimitExceeded}
 * @param maxHistoryEvents most history events of an execution; beyond, it fails
 */
public record Limits(long maxPayloadBytes, long maxHistoryEvents) {
    /** 256 KiB payloads, 25,000 history events. */
    public static final Limits AWS = new Limits(256 * 1024, 25_000);
}
