package cirrus.runtime.operate;

import java.util.List;
import java.util.Objects;

/**
 * An execution with its history and the timeline derived from it ({@link Timelines#of}).
 *
 * @param execution the execution
 * @param events its history, oldest first
 * @param states one span per state entered, in order of entry
 */
public record ExecutionTimeline(
        ExecutionSummary execution, List<HistoryEvent> events, List<StateSpan> states) {
    public ExecutionTimeline {
        Objects.requireNonNull(execution, "execution");
        events = List.copyOf(events);
        states = List.copyOf(states);
    }
}
