package cirrus.validate.rule;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import cirrus.validate.DeployedObject;
import cirrus.validate.Findings;
import cirrus.validate.ProjectView;
import cirrus.validate.Rule;
import cirrus.validate.analysis.Batch;
import cirrus.validate.analysis.ServerlessVariables;
import cirrus.validate.source.Node;

/**
 * Batch: {@code ResourceRequirements} (of a job definition's container, or of a Batch step's {@code
 * ContainerOverrides}) is a list of {Type, Value} with Type VCPU, MEMORY or GPU, each at most once,
 * and a positive Value: at least 1 vCPU on EC2 (0.25, 0.5, 1, 2, 4, 8 or 16 on Fargate), at least 4
 * MiB of memory, a whole number of GPUs (none on Fargate).
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/batch/latest/APIReference/API_ResourceRequirement.html">ResourceRequirement</a>
 */
public final class ResourceRequirementsRule implements Rule {
    private static final Set<String> TYPES = Set.of("VCPU", "MEMORY", "GPU");
    private static final Set<Double> FARGATE_VCPUS = Set.of(0.25, 0.5, 1.0, 2.0, 4.0, 8.0, 16.0);

    @Override
    public void check(ProjectView project, Findings findings) {
        Batch batch = Batch.of(project);
        for (DeployedObject jd : batch.jobDefinitions().values()) {
            boolean fargate =
                    jd
                            .node()
                            .at(List.of("Properties", "PlatformCapabilities"))
                            .map(Node::items)
                            .orElse(List.of())
                            .stream()
                            .anyMatch(n -> "FARGATE".equals(n.value()));
            Batch.container(jd)
                    .get("ResourceRequirements")
                    .ifPresent(
                            r ->
                                    check(
                                            r,
                                            "job definition '" + jd.name() + "'",
                                            fargate,
                                            batch.variables(),
                                            findings));
        }
        for (Batch.Step step : batch.steps()) {
            step.parameters()
                    .at(List.of("ContainerOverrides", "ResourceRequirements"))
                    .ifPresent(
                            r ->
                                    check(
                                            r,
                                            "Batch step '" + step.state().name() + "'",
                                            false,
                                            batch.variables(),
                                            findings));
        }
    }

    private static void check(
            Node list,
            String owner,
            boolean fargate,
            ServerlessVariables variables,
            Findings findings) {
        if (!list.isList()) {
            if (!(list.value() instanceof String s && ServerlessVariables.hasVariable(s))) {
                findings.add(
                        list.location(),
                        "ResourceRequirements of " + owner + " must be a list of {Type, Value}");
            }
            return;
        }
        Set<String> seen = new HashSet<>();
        for (Node entry : list.items()) {
            Optional<String> type = entry.string("Type");
            if (!entry.isMap() || type.isEmpty() || !TYPES.contains(type.get())) {
                findings.add(
                        entry.get("Type").orElse(entry).location(),
                        "ResourceRequirements of "
                                + owner
                                + ": Type must be VCPU, MEMORY or GPU, not "
                                + entry.get("Type").map(Node::value).orElse("missing"));
                continue;
            }
            if (!seen.add(type.get())) {
                findings.add(
                        entry.location(),
                        "ResourceRequirements of " + owner + " sets " + type.get() + " twice");
            }
            Node value = entry.get("Value").orElse(null);
            if (value == null) {
                findings.add(
                        entry.location(),
                        "ResourceRequirements of " + owner + ": " + type.get() + " has no Value");
                continue;
            }
            Optional<Double> number = variables.resolveNumber(value.value());
            if (number.isEmpty()) {
                if (!(value.value() instanceof String s && ServerlessVariables.hasVariable(s))
                        && !(value.value() instanceof java.util.Map<?, ?>)) {
                    findings.add(
                            value.location(),
                            "ResourceRequirements of "
                                    + owner
                                    + ": "
                                    + type.get()
                                    + " must be a number, not '"
                                    + value.value()
                                    + "'");
                }
                continue;
            }
            String problem = problem(type.get(), number.get(), fargate);
            if (problem != null) {
                findings.add(value.location(), "ResourceRequirements of " + owner + ": " + problem);
            }
        }
    }

    private static String n(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static String problem(String type, double v, boolean fargate) {
        switch (type) {
            case "VCPU" -> {
                if (fargate && !FARGATE_VCPUS.contains(v)) {
                    return "VCPU " + n(v) + " is not one of Fargate's 0.25, 0.5, 1, 2, 4, 8, 16";
                }
                if (!fargate && v < 1) {
                    return "VCPU must be at least 1 on EC2, not " + n(v);
                }
                return null;
            }
            case "MEMORY" -> {
                return v < 4 ? "MEMORY is in MiB and must be at least 4, not " + n(v) : null;
            }
            default -> {
                if (fargate) {
                    return "GPUs are not available on Fargate";
                }
                return v < 0 || v != Math.rint(v)
                        ? "GPU must be a whole number, not " + n(v)
                        : null;
            }
        }
    }
}
