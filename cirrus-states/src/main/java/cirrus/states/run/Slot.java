package cirrus.states.run;

import com.fasterxml.jackson.databind.JsonNode;

import cirrus.states.StatesError;

/** One Parallel branch or Map iteration of a running Parallel or Map state. */
public sealed interface Slot permits Slot.Pending, Slot.Running, Slot.Done, Slot.Failed {
    /** A Map iteration not started yet (MaxConcurrency), with its input. */
    record Pending(JsonNode input) implements Slot {}

    /** A running branch or iteration. */
    record Running(Run run) implements Slot {}

    /** A finished branch or iteration and its output. */
    record Done(JsonNode output) implements Slot {}

    /** A failed iteration whose failure the Map tolerates. */
    record Failed(StatesError error) implements Slot {}
}
