package cirrus.compile;

import java.util.List;
import java.util.Map;

import cirrus.diag.DiagnosticException;
import cirrus.project.CloudFormationObject;
import cirrus.project.Component;
import cirrus.project.ComponentType;
import cirrus.project.LambdaComponent;
import cirrus.project.Project;
import cirrus.project.Trees;
import cirrus.project.Workflow;

/**
 * Compiles a project into the {@code serverless.yml} tree cirrus v0.15.4 would write, in upstream's
 * order: the normalised {@code cirrus.yml}, then functions (functions, feeders, tasks), state
 * machines (workflows) and CloudFormation objects, then {@code custom.pythonRequirements. include}
 * is dropped (it was merged into every Lambda's requirements).
 *
 * <p>Nothing is written here. Every problem found goes to the diagnostics, so one run reports them
 * all; a group that cannot be loaded is reported and left out, so the others are still checked.
 */
public final class Compiler {
    private Compiler() {}

    /**
     * Compiles {@code project}. Check {@link CompileDiagnostics#hasErrors()} before using the
     * result.
     */
    public static Compilation compile(Project project, CompileDiagnostics diagnostics) {
        Map<String, Object> config = Trees.copy(project.config().tree());

        LambdaFunctions lambdas = new LambdaFunctions(diagnostics);
        for (ComponentType type :
                List.of(ComponentType.FUNCTION, ComponentType.FEEDER, ComponentType.TASK)) {
            lambdas.register(
                    components(project, type, diagnostics).stream()
                            .map(LambdaComponent.class::cast)
                            .toList());
        }
        config.put("functions", lambdas.functions());

        List<Workflow> workflows =
                components(project, ComponentType.WORKFLOW, diagnostics).stream()
                        .map(Workflow.class::cast)
                        .toList();
        Map<String, Workflow> registered = StateMachines.registered(workflows, diagnostics);
        stepFunctions(config).put("stateMachines", StateMachines.entries(registered));

        List<CloudFormationObject> objects = cloudFormation(project, diagnostics);
        CloudFormationResources.register(resources(config), objects);
        config = BlueGreenStep.apply(project, config, diagnostics);

        if (config.get("custom") instanceof Map<?, ?> custom
                && custom.get("pythonRequirements") instanceof Map<?, ?> requirements) {
            requirements.remove("include");
        }
        List<LambdaPackage> packages = lambdas.packages();
        Provenance provenance =
                Provenance.record(
                        project.config().file(), lambdas.registered(), registered, objects);
        return new Compilation(config, packages, lambdas.artifacts(), provenance);
    }

    private static List<Component> components(
            Project project, ComponentType type, CompileDiagnostics diagnostics) {
        try {
            return project.components(type);
        } catch (DiagnosticException e) {
            e.diagnostics().forEach(diagnostics::add);
            return List.of();
        }
    }

    private static List<CloudFormationObject> cloudFormation(
            Project project, CompileDiagnostics diagnostics) {
        try {
            return project.cloudFormation();
        } catch (DiagnosticException e) {
            e.diagnostics().forEach(diagnostics::add);
            return List.of();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> stepFunctions(Map<String, Object> config) {
        return (Map<String, Object>) config.get("stepFunctions");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> resources(Map<String, Object> config) {
        return (Map<String, Object>) config.get("resources");
    }
}
