package cirrus.local.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cirrus.local.model.LocalModel;
import cirrus.local.model.LocalStateMachine;
import cirrus.runtime.json.Json;
import cirrus.states.model.DefinitionError;
import cirrus.states.model.DefinitionException;
import cirrus.states.model.StateMachineReader;
import cirrus.states.run.Interpreter;
import cirrus.states.run.Snapshot;

/**
 * The project's state machines, read once: an interpreter per valid definition, and for each
 * invalid one the problems that keep it from running (a payload for it fails with them).
 */
final class Workflows {
    private final LocalModel model;
    private final Map<String, Interpreter> byKey = new LinkedHashMap<>();
    private final Map<String, Interpreter> byArn = new LinkedHashMap<>();
    private final Map<String, String> invalid = new LinkedHashMap<>();

    Workflows(LocalModel model) {
        this.model = model;
        for (LocalStateMachine sm : model.stateMachines().values()) {
            try {
                Interpreter interpreter =
                        new Interpreter(StateMachineReader.read(Json.parse(sm.definitionJson())));
                byKey.put(sm.key(), interpreter);
                byArn.put(sm.arn(), interpreter);
            } catch (DefinitionException e) {
                List<String> problems = e.errors().stream().map(DefinitionError::toString).toList();
                invalid.put(sm.key(), String.join("; ", problems));
            }
        }
    }

    /** Why a workflow's definition cannot run, if it cannot. */
    Optional<String> problems(String workflowKey) {
        return Optional.ofNullable(invalid.get(workflowKey));
    }

    /** Workflows whose definitions are invalid, with their problems. */
    Map<String, String> invalid() {
        return Map.copyOf(invalid);
    }

    Interpreter interpreter(String workflowKey) {
        Interpreter i = byKey.get(workflowKey);
        if (i == null) {
            throw new IllegalArgumentException(
                    "workflow " + workflowKey + " cannot run: " + invalid.get(workflowKey));
        }
        return i;
    }

    Interpreter interpreterOf(Snapshot snapshot) {
        Interpreter i = byArn.get(snapshot.execution().stateMachineArn());
        if (i == null) {
            throw new IllegalStateException(
                    "execution "
                            + snapshot.execution().executionArn()
                            + " belongs to state machine "
                            + snapshot.execution().stateMachineArn()
                            + ", which the project no longer has");
        }
        return i;
    }
}
