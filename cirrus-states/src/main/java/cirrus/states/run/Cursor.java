package cirrus.states.run;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The working copy of a {@link Run} while a step advances it: mutable, local to the step, turned
 * back into an immutable {@link Run} when the run has to wait.
 */
final class Cursor {
    /** Child indexes from the root run to this one (empty for the root). */
    final List<Integer> path;

    final String graph;
    String state;
    JsonNode input;
    Instant entered;
    long enteredEventId;
    long lastEventId;

    Cursor(List<Integer> path, String graph, long lastEventId) {
        this.path = List.copyOf(path);
        this.graph = graph;
        this.lastEventId = lastEventId;
    }

    static Cursor of(Run run, List<Integer> path) {
        Cursor c = new Cursor(path, run.graph(), run.lastEventId());
        c.state = run.state();
        c.input = run.input();
        c.entered = run.enteredTime();
        c.enteredEventId = run.enteredEventId();
        return c;
    }

    Run waiting(Activity activity) {
        return new Run(graph, state, input, entered, enteredEventId, lastEventId, activity);
    }
}
