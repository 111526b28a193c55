package cirrus.states.run;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

import cirrus.states.StatesError;

/**
 * The complete, immutable state of an execution between two events. A local engine persists it (see
 * {@link SnapshotCodec}) and resumes with {@link Interpreter#apply} after a restart.
 *
 * @param execution the execution's fixed facts
 * @param status running or how it ended
 * @param root the running top-level graph, or null once the execution ended
 * @param output the output of a succeeded execution, else null
 * @param error the error of a failed, timed-out or aborted execution, else null
 * @param lastEventId the id of the last history event
 * @param sequence the counter that makes task tokens and timer ids unique
 * @param stopTime when the execution ended, else null
 * @param timeoutTimer the timer of the machine's {@code TimeoutSeconds}, or null
 */
public record Snapshot(
        ExecutionInfo execution,
        ExecutionStatus status,
        Run root,
        JsonNode output,
        StatesError error,
        long lastEventId,
        long sequence,
        Instant stopTime,
        String timeoutTimer) {}
