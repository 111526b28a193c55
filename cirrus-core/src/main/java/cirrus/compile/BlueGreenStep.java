package cirrus.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cirrus.diag.Diagnostic;
import cirrus.diag.DiagnosticException;
import cirrus.diag.Severity;
import cirrus.plan.baseline.Baseline;
import cirrus.plan.bluegreen.BlueGreenBuild;
import cirrus.plan.template.Template;
import cirrus.project.CloudFormationObject;
import cirrus.project.CloudFormationSection;
import cirrus.project.Component;
import cirrus.project.ComponentType;
import cirrus.project.Project;
import cirrus.project.Task;

/**
 * The compile step for tasks with {@code batch.blueGreen: true}: their Batch resources are built as
 * revision A/B copies against the plan baseline ({@code .cirrus/plan/}) by {@link BlueGreenBuild},
 * and the step of the procedure each task stands at is reported as a note. A project without such
 * tasks is left exactly as compiled.
 */
public final class BlueGreenStep {
    /** The key under a task's {@code batch} that turns blue/green on. */
    public static final String FLAG = "blueGreen";

    /** Note: where a blue/green task stands and what to do next. */
    public static final String NEXT_STEP = "CIRRUS-PL010";

    private BlueGreenStep() {}

    /** Applies blue/green to the tasks that ask for it. */
    public static Map<String, Object> apply(
            Project project, Map<String, Object> serverless, CompileDiagnostics diagnostics) {
        return apply(project, serverless, diagnostics, false);
    }

    /**
     * Applies blue/green to the tasks that ask for it or, with {@code everyTask}, to every task
     * with Batch resources ({@code cirrus plan --blue-green}).
     */
    public static Map<String, Object> apply(
            Project project,
            Map<String, Object> serverless,
            CompileDiagnostics diagnostics,
            boolean everyTask) {
        List<BlueGreenBuild.Task> tasks = tasks(project, everyTask);
        if (tasks.isEmpty()) {
            return serverless;
        }
        Optional<Template> baseline;
        try {
            baseline = project.root().filter(Baseline::exists).map(Baseline::load);
        } catch (DiagnosticException e) {
            e.diagnostics().forEach(diagnostics::add);
            return serverless;
        }
        BlueGreenBuild.Result result = BlueGreenBuild.apply(serverless, tasks, baseline);
        for (BlueGreenBuild.Outcome o : result.outcomes()) {
            diagnostics.add(new Diagnostic(NEXT_STEP, Severity.NOTE, null, o.note(), null));
        }
        return result.serverless();
    }

    private static List<BlueGreenBuild.Task> tasks(Project project, boolean everyTask) {
        List<Component> components;
        try {
            components = project.components(ComponentType.TASK);
        } catch (DiagnosticException e) {
            return List.of(); // the compiler has reported it already
        }
        List<BlueGreenBuild.Task> tasks = new ArrayList<>();
        for (Component c : components) {
            if (!(c instanceof Task task) || !task.isActive() || !task.batch().enabled()) {
                continue;
            }
            if (!everyTask && !flagged(task)) {
                continue;
            }
            List<String> ids = new ArrayList<>();
            for (CloudFormationObject o : task.batch().resources()) {
                if (o.section() == CloudFormationSection.RESOURCES) {
                    ids.add(o.name());
                }
            }
            tasks.add(new BlueGreenBuild.Task(task.info().name(), ids));
        }
        return tasks;
    }

    private static boolean flagged(Task task) {
        return task.info().definition().get("batch") instanceof Map<?, ?> batch
                && Boolean.TRUE.equals(batch.get(FLAG));
    }
}
