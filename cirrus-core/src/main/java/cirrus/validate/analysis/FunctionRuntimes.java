package cirrus.validate.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cirrus.diag.Location;
import cirrus.validate.DeployedFunction;
import cirrus.validate.DeployedObject;
import cirrus.validate.ProjectView;
import cirrus.validate.source.Node;

/**
 * Every Lambda function the build deploys with the runtime it runs on and where that runtime is
 * written: the {@code functions} of {@code serverless.yml} (their own {@code runtime}, else the
 * provider's) and every {@code AWS::Lambda::Function} resource of the CloudFormation templates.
 */
public final class FunctionRuntimes {
    /**
     * One function.
     *
     * @param what how messages name it ({@code function 'x'}, {@code resource 'X'})
     * @param runtime its runtime identifier
     * @param location where the runtime is written (or the function, when it is inherited)
     */
    public record Entry(String what, String runtime, Location location) {}

    private FunctionRuntimes() {}

    /** The functions of {@code project} that name a runtime as plain text. */
    public static List<Entry> of(ProjectView project) {
        List<Entry> out = new ArrayList<>();
        Object provider = project.serverless().get("provider");
        Object providerRuntime = provider instanceof Map<?, ?> p ? p.get("runtime") : null;
        Optional<Node> providerNode =
                project.config().flatMap(c -> c.get("provider")).flatMap(p -> p.get("runtime"));
        if (project.serverless().get("functions") instanceof Map<?, ?> functions) {
            for (Map.Entry<?, ?> e : functions.entrySet()) {
                String name = String.valueOf(e.getKey());
                if (!(e.getValue() instanceof Map<?, ?> fn)) {
                    continue;
                }
                Optional<DeployedFunction> deployed =
                        project.functions().stream().filter(f -> f.name().equals(name)).findFirst();
                if (fn.get("runtime") instanceof String own) {
                    Location at =
                            deployed.flatMap(DeployedFunction::lambda)
                                    .flatMap(l -> l.get("runtime"))
                                    .or(() -> deployed.map(DeployedFunction::definition))
                                    .map(Node::location)
                                    .orElse(null);
                    out.add(new Entry("function '" + name + "'", own, at));
                } else if (providerRuntime instanceof String inherited) {
                    Location at = providerNode.map(Node::location).orElse(null);
                    out.add(new Entry("function '" + name + "'", inherited, at));
                }
            }
        }
        for (DeployedObject o : project.resources()) {
            if (o.is("AWS::Lambda::Function")
                    && o.properties().get("Runtime") instanceof String r) {
                Location at =
                        o.node()
                                .at(List.of("Properties", "Runtime"))
                                .map(Node::location)
                                .orElse(o.node().location());
                out.add(new Entry("resource '" + o.name() + "'", r, at));
            }
        }
        return out;
    }
}
