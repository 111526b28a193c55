package cirrus.states.run;

import java.util.List;

/**
 * The result of one interpreter step: the next snapshot, the commands to perform and the history
 * events that happened.
 */
public record Step(Snapshot snapshot, List<Command> commands, List<HistoryEvent> history) {
    public Step {
        commands = List.copyOf(commands);
        history = List.copyOf(history);
    }
}
