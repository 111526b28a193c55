package cirrus.states.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A validated state machine definition (JSONPath dialect).
 *
 * @param root the top-level states
 * @param comment the {@code Comment}, or null
 * @param timeoutSeconds the execution timeout, or null for none
 * @see <a href="https://states-language.net/spec.html#toplevelfields">Top-level fields</a>
 */
public record StateMachine(StateGraph root, String comment, Integer timeoutSeconds) {

    /** Every graph of the machine (root, branches, item processors) by its id. */
    public Map<String, StateGraph> graphs() {
        Map<String, StateGraph> graphs = new LinkedHashMap<>();
        collect(root, graphs);
        return Collections.unmodifiableMap(graphs);
    }

    private static void collect(StateGraph graph, Map<String, StateGraph> into) {
        into.put(graph.id(), graph);
        for (State state : graph.states().values()) {
            if (state instanceof ParallelState parallel) {
                parallel.branches().forEach(branch -> collect(branch, into));
            } else if (state instanceof MapState map) {
                collect(map.processor(), into);
            }
        }
    }
}
