package cirrus.validate.rule;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import cirrus.validate.DeployedFunction;
import cirrus.validate.DeployedObject;
import cirrus.validate.Findings;
import cirrus.validate.ProjectView;
import cirrus.validate.Rule;
import cirrus.validate.analysis.Batch;
import cirrus.validate.source.Node;

/**
 * Batch: the {@code cirrusgeo/run-lambda} images run a deployed Lambda's code in Batch ({@code
 * Command: [run, <function name>, Ref::url]}: they download the code with lambda:GetFunction). When
 * the function is not deployed (a Batch-only task, as {@code cirrus create task -t batch} writes
 * it, or a disabled lambda), the job fails at start: "disabling the Lambda of a dual task can leave
 * the Batch task unable to execute" (cirrus docs, Batch tasks).
 */
public final class RunLambdaRule implements Rule {
    @Override
    public void check(ProjectView project, Findings findings) {
        Batch batch = Batch.of(project);
        Set<String> deployed =
                project.functions().stream()
                        .map(DeployedFunction::name)
                        .collect(Collectors.toSet());
        String prefix =
                batch.variables()
                        .resolveText("${self:service}-${self:provider.stage}-")
                        .orElse(null);
        for (DeployedObject jd : batch.jobDefinitions().values()) {
            List<Node> command =
                    Batch.container(jd).get("Command").map(Node::items).orElse(List.of());
            if (command.size() < 2
                    || !"run".equals(command.get(0).value())
                    || !(command.get(1).value() instanceof String)) {
                continue;
            }
            Optional<String> function = function((String) command.get(1).value(), prefix, batch);
            if (function.isPresent() && !deployed.contains(function.get())) {
                findings.add(
                        command.get(1).location(),
                        "job definition '"
                                + jd.name()
                                + "' runs the code of Lambda '"
                                + function.get()
                                + "', which is not deployed");
            }
        }
    }

    private static Optional<String> function(String name, String prefix, Batch batch) {
        String template = "${self:service}-${self:provider.stage}-";
        if (name.startsWith(template)) {
            return Optional.of(name.substring(template.length()));
        }
        Optional<String> resolved = batch.variables().resolveText(name);
        if (prefix != null && resolved.isPresent() && resolved.get().startsWith(prefix)) {
            return Optional.of(resolved.get().substring(prefix.length()));
        }
        return Optional.empty();
    }
}
