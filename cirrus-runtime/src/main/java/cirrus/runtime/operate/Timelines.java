package cirrus.runtime.operate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Derives the {@link StateSpan}s of a history: a span opens at {@code <Type>StateEntered} and
 * closes at the matching {@code <Type>StateExited}; the error of the last failed event inside it
 * ({@code TaskFailed}, {@code LambdaFunctionFailed}, {@code *TimedOut}, {@code ExecutionFailed})
 * marks it failed, or caught when the state was still exited normally.
 */
public final class Timelines {
    private Timelines() {}

    public static List<StateSpan> of(List<HistoryEvent> events) {
        List<StateSpan> spans = new ArrayList<>();
        Map<String, Integer> open = new HashMap<>();
        Optional<String> error = Optional.empty();
        Optional<String> cause = Optional.empty();
        for (HistoryEvent e : events) {
            String type = e.type();
            if (type.endsWith("StateEntered")) {
                String name = e.detail("name").orElse("?");
                open.put(name, spans.size());
                spans.add(
                        new StateSpan(
                                name,
                                type.substring(0, type.length() - "StateEntered".length()),
                                e.timestamp(),
                                Optional.empty(),
                                StateSpan.Status.RUNNING,
                                Optional.empty(),
                                Optional.empty()));
                error = Optional.empty();
                cause = Optional.empty();
            } else if (type.endsWith("StateExited")) {
                Integer at = open.remove(e.detail("name").orElse("?"));
                if (at != null) {
                    StateSpan s = spans.get(at);
                    spans.set(
                            at,
                            new StateSpan(
                                    s.name(),
                                    s.type(),
                                    s.entered(),
                                    Optional.of(e.timestamp()),
                                    error.isPresent()
                                            ? StateSpan.Status.CAUGHT
                                            : StateSpan.Status.SUCCEEDED,
                                    error,
                                    cause));
                }
                error = Optional.empty();
                cause = Optional.empty();
            } else if (type.endsWith("Failed") || type.endsWith("TimedOut")) {
                error = e.detail("error").or(() -> Optional.of(type));
                cause = e.detail("cause");
                if (type.startsWith("Execution")) {
                    failOpen(spans, open, e, error, cause);
                }
            } else if (type.equals("ExecutionAborted")) {
                failOpen(spans, open, e, Optional.of("Aborted"), Optional.empty());
            }
        }
        return spans;
    }

    private static void failOpen(
            List<StateSpan> spans,
            Map<String, Integer> open,
            HistoryEvent end,
            Optional<String> error,
            Optional<String> cause) {
        for (Integer at : open.values()) {
            StateSpan s = spans.get(at);
            spans.set(
                    at,
                    new StateSpan(
                            s.name(),
                            s.type(),
                            s.entered(),
                            Optional.of(end.timestamp()),
                            StateSpan.Status.FAILED,
                            error,
                            cause));
        }
        open.clear();
    }
}
