package cirrus.validate.analysis;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cirrus.diag.DiagnosticException;
import cirrus.project.CloudFormationObject;
import cirrus.project.Component;
import cirrus.project.ComponentType;
import cirrus.project.Feeder;
import cirrus.project.Function;
import cirrus.project.LambdaComponent;
import cirrus.project.Task;
import cirrus.validate.ProjectView;

/**
 * Why something a reference names is declared in the project but not deployed: a task's Batch
 * resources when the task or its batch part is disabled, a component's Lambda when the component or
 * its lambda part is disabled or it has no {@code lambda} block. Rules use it to say more than
 * "unknown".
 */
public final class Undeployed {
    private final Map<String, String> resources = new HashMap<>();
    private final Map<String, String> lambdas = new HashMap<>();

    private Undeployed() {}

    /** The analysis of {@code view} (shared through {@link ProjectView#analysis}). */
    public static Undeployed of(ProjectView view) {
        return view.analysis(Undeployed.class, Undeployed::collect);
    }

    private static Undeployed collect(ProjectView view) {
        Undeployed u = new Undeployed();
        for (ComponentType type :
                List.of(ComponentType.FUNCTION, ComponentType.FEEDER, ComponentType.TASK)) {
            List<Component> components;
            try {
                components = view.project().components(type);
            } catch (DiagnosticException e) {
                continue;
            }
            for (Component c : components) {
                if (c instanceof LambdaComponent l && !l.lambda().enabled()) {
                    u.lambdas.putIfAbsent(c.name(), whyNoLambda(l));
                }
                if (c instanceof Task t && !t.batch().enabled()) {
                    String why =
                            !t.enabled()
                                    ? "declared by task '"
                                            + t.name()
                                            + "', which is disabled (enabled: false)"
                                    : "declared by task '"
                                            + t.name()
                                            + "', whose batch part is disabled (batch.enabled: false)";
                    for (CloudFormationObject o : t.batch().resources()) {
                        u.resources.putIfAbsent(o.name(), why);
                    }
                }
            }
        }
        return u;
    }

    private static String whyNoLambda(LambdaComponent c) {
        String who = c.type().typeName() + " '" + c.name() + "'";
        boolean enabled =
                c instanceof Task t
                        ? t.enabled()
                        : c instanceof Function f
                                ? f.enabled()
                                : c instanceof Feeder fd && fd.enabled();
        if (!enabled) {
            return who + " is disabled (enabled: false)";
        }
        if (!(c.info().definition().get("lambda") instanceof Map<?, ?> lambda)
                || lambda.isEmpty()) {
            return who
                    + " has no lambda block"
                    + (c instanceof Task ? ": it is a Batch-only task" : "");
        }
        return who + " has lambda.enabled: false";
    }

    /** Why the resource {@code id} is declared but not deployed, if it is. */
    public Optional<String> resource(String id) {
        return Optional.ofNullable(resources.get(id));
    }

    /** Why the Lambda of component {@code name} is not deployed, if such a component exists. */
    public Optional<String> lambda(String name) {
        return Optional.ofNullable(lambdas.get(name));
    }
}
