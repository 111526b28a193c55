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

    static Map<String, Object> register(List<Workflow> workflows, CompileDiagnostics diagnostics) {
        Map<String, Object> stateMachines = new LinkedHashMap<>();
        for (Workflow workflow : workflows) {
            if (!workflow.enabled()) {
                continue;
            }
            if (stateMachines.containsKey(workflow.name()) && !workflow.source().isBuiltIn()) {
                diagnostics.warning(
                        BuildCode.DUPLICATE_DECLARATION,
                        null,
                        "Duplicate step function declaration '"
                                + workflow.displayName()
                                + "', skipping");
                continue;
            }
            stateMachines.put(workflow.name(), workflow.stateMachine());
        }
        return stateMachines;
    }
}
