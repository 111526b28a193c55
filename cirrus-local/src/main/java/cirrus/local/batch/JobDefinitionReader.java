package cirrus.local.batch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the properties of an {@code AWS::Batch::JobDefinition} (container jobs only), and the parts
 * SubmitJob shares with it: environment lists, resource requirements, retry strategies.
 */
final class JobDefinitionReader {
    private JobDefinitionReader() {}

    /** The spec named {@code name}, or {@code null} after reporting its problems. */
    static JobDefinitionSpec read(String name, CfnNode p) {
        String type = p.requiredString("Type");
        if (type != null && !type.equalsIgnoreCase("container")) {
            boolean multinode = type.equalsIgnoreCase("multinode");
            p.problem(
                    "Type",
                    multinode ? BatchCode.UNSUPPORTED : BatchCode.INVALID_VALUE,
                    multinode
                            ? "multi-node parallel jobs are not emulated locally"
                            : "must be container or multinode, got " + type);
        }
        for (String unsupported : List.of("EcsProperties", "EksProperties", "NodeProperties")) {
            if (p.has(unsupported)) {
                p.problem(
                        unsupported,
                        BatchCode.UNSUPPORTED,
                        "is not emulated locally; use ContainerProperties");
            }
        }
        Map<String, String> parameters = p.stringMap("Parameters");
        ContainerProperties container = container(p);
        RetryStrategy retry = retryStrategy(p.object("RetryStrategy"));
        CfnNode timeout = p.object("Timeout");
        Long seconds = timeout == null ? null : timeout.integer("AttemptDurationSeconds");
        Map<String, String> tags = p.stringMap("Tags");
        Boolean propagate = p.bool("PropagateTags");
        Long priority = p.integer("SchedulingPriority");
        if (name == null || container == null) {
            return null;
        }
        try {
            return new JobDefinitionSpec(
                    name,
                    parameters,
                    container,
                    retry,
                    seconds == null ? null : Math.toIntExact(seconds),
                    tags,
                    Boolean.TRUE.equals(propagate),
                    priority == null ? null : Math.toIntExact(priority));
        } catch (IllegalArgumentException | ArithmeticException e) {
            p.problem("Timeout", BatchCode.INVALID_VALUE, e.getMessage());
            return null;
        }
    }

    private static ContainerProperties container(CfnNode p) {
        CfnNode c = p.object("ContainerProperties");
        if (c == null) {
            if (!p.has("ContainerProperties")) {
                p.problem("ContainerProperties", BatchCode.MISSING_PROPERTY, "is required");
            }
            return null;
        }
        String image = c.requiredString("Image");
        List<String> command = c.strings("Command");
        Map<String, String> environment = environment(c);
        ResourceRequirements resources = resources(c);
        if (image == null) {
            return null;
        }
        return new ContainerProperties(
                image,
                command,
                environment,
                resources,
                c.string("JobRoleArn"),
                c.string("ExecutionRoleArn"),
                c.string("User"));
    }

    /** The {@code Environment} list ({@code [{Name, Value}]}) in order; {@code null} if absent. */
    static Map<String, String> environment(CfnNode c) {
        if (!c.has("Environment")) {
            return null;
        }
        Map<String, String> environment = new LinkedHashMap<>();
        for (CfnNode variable : c.objects("Environment")) {
            String name = variable.requiredString("Name");
            String value = variable.string("Value");
            if (name == null) {
                continue;
            }
            if (name.startsWith("AWS_BATCH")) {
                variable.problem(
                        "Name",
                        BatchCode.INVALID_VALUE,
                        "'"
                                + name
                                + "' is reserved: variables starting with AWS_BATCH are set by"
                                + " Batch");
            }
            environment.put(name, value == null ? "" : value);
        }
        return environment;
    }

    /**
     * {@code ResourceRequirements} (VCPU, MEMORY, GPU) with the deprecated {@code Vcpus}/{@code
     * Memory} as fallback.
     */
    static ResourceRequirements resources(CfnNode c) {
        Double vcpus = c.number("Vcpus");
        Long memory = c.integer("Memory");
        Integer gpus = null;
        for (CfnNode requirement : c.objects("ResourceRequirements")) {
            String type = requirement.requiredString("Type");
            if (type == null) {
                continue;
            }
            if (!requirement.has("Value")) {
                requirement.problem("Value", BatchCode.MISSING_PROPERTY, "is required");
                continue;
            }
            switch (type.trim().toUpperCase(Locale.ROOT)) {
                case "VCPU" -> vcpus = requirement.number("Value");
                case "MEMORY" -> memory = requirement.integer("Value");
                case "GPU" -> {
                    Long value = requirement.integer("Value");
                    gpus = value == null ? null : value.intValue();
                }
                default ->
                        requirement.problem(
                                "Type",
                                BatchCode.INVALID_VALUE,
                                "must be VCPU, MEMORY or GPU, got '" + type + "'");
            }
        }
        try {
            return new ResourceRequirements(vcpus, memory, gpus);
        } catch (IllegalArgumentException e) {
            c.problem("ResourceRequirements", BatchCode.INVALID_VALUE, e.getMessage());
            return ResourceRequirements.NONE;
        }
    }

    /** A {@code RetryStrategy} ({@code Attempts} defaults to 1); {@code null} if absent. */
    static RetryStrategy retryStrategy(CfnNode r) {
        if (r == null) {
            return null;
        }
        Long attempts = r.integer("Attempts");
        List<EvaluateOnExit> rules = new ArrayList<>();
        for (CfnNode rule : r.objects("EvaluateOnExit")) {
            String action = rule.requiredString("Action");
            if (action == null) {
                continue;
            }
            try {
                rules.add(
                        new EvaluateOnExit(
                                rule.string("OnStatusReason"),
                                rule.string("OnReason"),
                                rule.string("OnExitCode"),
                                RetryAction.parse(action)));
            } catch (IllegalArgumentException e) {
                rule.problem(null, BatchCode.INVALID_VALUE, e.getMessage());
            }
        }
        try {
            return new RetryStrategy(attempts == null ? 1 : Math.toIntExact(attempts), rules);
        } catch (IllegalArgumentException | ArithmeticException e) {
            r.problem(null, BatchCode.INVALID_VALUE, e.getMessage());
            return null;
        }
    }
}
