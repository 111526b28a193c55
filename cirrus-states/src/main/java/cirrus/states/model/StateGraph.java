package cirrus.states.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A set of states with a start state: the top level of a machine, a Parallel branch or a Map's
 * {@code ItemProcessor}. States can only transition within their graph.
 *
 * @param id where the graph is in the definition, e.g. {@code $} or {@code
 *     $.States.Fan.Branches[0]}; executions refer to graphs by this id
 * @param startAt the first state
 * @param states the states by name, in definition order
 */
public record StateGraph(String id, String startAt, Map<String, State> states) {
    public StateGraph {
        states = Collections.unmodifiableMap(new LinkedHashMap<>(states));
    }

    /** The state of that name; it must exist (the reader checked every transition). */
    public State state(String name) {
        State state = states.get(name);
        if (state == null) {
            throw new IllegalArgumentException("no state '" + name + "' in " + id);
        }
        return state;
    }
}
