package cirrus.states.run;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One running state graph (the whole machine, a Parallel branch or a Map iteration) paused in a
 * state that waits.
 *
 * @param graph the id of the graph (see {@link cirrus.states.model.StateGraph#id()})
 * @param state the current state
 * @param input the raw input of the current state
 * @param enteredTime when the state was entered ({@code $$.State.EnteredTime})
 * @param enteredEventId the id of the state's {@code *StateEntered} event (0 in snapshots written
 *     before it was kept)
 * @param lastEventId the id of the last history event of this run
 * @param activity what the state waits for
 */
public record Run(
        String graph,
        String state,
        JsonNode input,
        Instant enteredTime,
        long enteredEventId,
        long lastEventId,
        Activity activity) {}
