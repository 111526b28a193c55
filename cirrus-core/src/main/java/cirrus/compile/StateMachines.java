package cirrus.compile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cirrus.project.Workflow;

/**
 * Registers enabled workflows as {@code stepFunctions.stateMachines.<name>}: the workflow's {@code
 * definition.yml} without {@code enabled}, for serverless-step-functions to deploy. The first
 * workflow of a name wins unless a built-in one comes later (cirrus v0.15.4's rule).
 */
final class StateMachines {
    private StateMachines() {}

    /**
     * The {@code stateMachines} entries of {@code registered}: each workflow's read-only state
     * machine, shared with the model.
     */
    static Map<String, Object> entries(Map<String, Workflow> registered) {
        Map<String, Object> stateMachines = new LinkedHashMap<>();
        registered.forEach((name, w) -> stateMachines.put(name, w.stateMachine()));
        return stateMachines;
    }

    /** The workflows that become state machines, by name, in registration order. */
    static Map<String, Workflow> registered(
            List<Workflow> workflows, CompileDiagnostics diagnostics) {
        Map<String, Workflow> registered = new LinkedHashMap<>();
        for (Workflow workflow : workflows) {
            if (!workflow.enabled()) {
                continue;
            }
            if (registered.containsKey(workflow.name()) && !workflow.source().isBuiltIn()) {
                diagnostics.warning(
                        BuildCode.DUPLICATE_DECLARATION,
                        null,
                        "Duplicate step function declaration '"
                                + workflow.displayName()
                                + "', skipping");
                continue;
            }
            registered.put(workflow.name(), workflow);
        }
        return registered;
    }
}
