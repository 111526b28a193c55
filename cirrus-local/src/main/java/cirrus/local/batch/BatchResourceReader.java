package cirrus.local.batch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads Batch resources out of a CloudFormation {@code Resources} map, collecting every problem.
 * The names default to the logical id when a {@code …Name} property is absent (CloudFormation would
 * generate one).
 */
final class BatchResourceReader {
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    private static final String CE = "AWS::Batch::ComputeEnvironment";
    private static final String QUEUE = "AWS::Batch::JobQueue";
    private static final String JOB_DEFINITION = "AWS::Batch::JobDefinition";
    private static final Set<String> COMPUTE_TYPES =
            Set.of("EC2", "SPOT", "FARGATE", "FARGATE_SPOT");

    private final List<BatchProblem> problems;
    private final Map<String, ComputeEnvironment> environments = new LinkedHashMap<>();
    private final Map<String, String> environmentByLogicalId = new LinkedHashMap<>();
    private final Set<String> declaredEnvironments = new LinkedHashSet<>();
    private final Map<String, JobQueue> queues = new LinkedHashMap<>();
    private final Map<String, JobDefinitionSpec> definitions = new LinkedHashMap<>();

    BatchResourceReader(List<BatchProblem> problems) {
        this.problems = problems;
    }

    BatchResources read(Map<String, ?> resources) {
        Map<String, CfnNode> properties = new LinkedHashMap<>();
        Map<String, String> types = new LinkedHashMap<>();
        resources.forEach(
                (logicalId, resource) -> {
                    String path = "Resources." + logicalId;
                    if (!(resource instanceof Map<?, ?> map)) {
                        problems.add(
                                new BatchProblem(
                                        BatchCode.INVALID_VALUE,
                                        path,
                                        "must be an object with Type and Properties"));
                        return;
                    }
                    Object type = map.get("Type");
                    if (!CE.equals(type) && !QUEUE.equals(type) && !JOB_DEFINITION.equals(type)) {
                        return;
                    }
                    CfnNode node = new CfnNode(path, map, problems);
                    CfnNode props = node.object("Properties");
                    if (props == null) {
                        if (!node.has("Properties")) {
                            node.problem("Properties", BatchCode.MISSING_PROPERTY, "is required");
                        }
                        return;
                    }
                    properties.put(logicalId, props);
                    types.put(logicalId, (String) type);
                });
        // compute environments first: queues resolve their references against them
        for (String type : List.of(CE, QUEUE, JOB_DEFINITION)) {
            properties.forEach(
                    (logicalId, props) -> {
                        if (!types.get(logicalId).equals(type)) {
                            return;
                        }
                        switch (type) {
                            case CE -> computeEnvironment(logicalId, props);
                            case QUEUE -> jobQueue(logicalId, props);
                            default -> jobDefinition(logicalId, props);
                        }
                    });
        }
        return new BatchResources(environments, queues, definitions);
    }

    private void computeEnvironment(String logicalId, CfnNode p) {
        String name = name(p, "ComputeEnvironmentName", logicalId);
        if (name != null) {
            // known even when invalid, so that queues referencing it get no second error
            environmentByLogicalId.put(logicalId, name);
            declaredEnvironments.add(name);
        }
        String type = upper(p.requiredString("Type"));
        if (type != null && !type.equals("MANAGED") && !type.equals("UNMANAGED")) {
            p.problem("Type", BatchCode.INVALID_VALUE, "must be MANAGED or UNMANAGED, got " + type);
        }
        ResourceState state = state(p);
        if (p.has("EksConfiguration")) {
            p.problem(
                    "EksConfiguration",
                    BatchCode.UNSUPPORTED,
                    "Amazon EKS compute environments are not emulated locally; use an ECS (EC2 or"
                            + " Fargate) compute environment");
        }
        String computeType = null;
        int min = 0;
        Integer max = null;
        if ("MANAGED".equals(type)) {
            CfnNode resources = p.object("ComputeResources");
            if (resources == null) {
                p.problem(
                        "ComputeResources", BatchCode.MISSING_PROPERTY, "is required for MANAGED");
            } else {
                computeType = upper(resources.requiredString("Type"));
                if (computeType != null && !COMPUTE_TYPES.contains(computeType)) {
                    resources.problem(
                            "Type",
                            BatchCode.INVALID_VALUE,
                            "must be EC2, SPOT, FARGATE or FARGATE_SPOT, got " + computeType);
                }
                Long maxvCpus = resources.requiredInteger("MaxvCpus");
                Long minvCpus = resources.integer("MinvCpus");
                max = nonNegative(resources, "MaxvCpus", maxvCpus);
                Integer minValue = nonNegative(resources, "MinvCpus", minvCpus);
                min = minValue == null ? 0 : minValue;
            }
        } else if ("UNMANAGED".equals(type)) {
            max = nonNegative(p, "UnmanagedvCpus", p.integer("UnmanagedvCpus"));
        }
        if (name == null || type == null || state == null) {
            return;
        }
        try {
            ComputeEnvironment environment =
                    new ComputeEnvironment(
                            logicalId, name, type, computeType, state, min, max, null, null);
            if (environments.putIfAbsent(name, environment) != null) {
                duplicate(p, "ComputeEnvironmentName", "compute environment", name);
            }
        } catch (IllegalArgumentException e) {
            p.problem("ComputeResources", BatchCode.INVALID_VALUE, e.getMessage());
        }
    }

    private void jobQueue(String logicalId, CfnNode p) {
        String name = name(p, "JobQueueName", logicalId);
        ResourceState state = state(p);
        Long priority = p.requiredInteger("Priority");
        if (p.has("ServiceEnvironmentOrder")
                || p.has("JobQueueType") && "SAGEMAKER_TRAINING".equals(p.string("JobQueueType"))) {
            p.problem(null, BatchCode.UNSUPPORTED, "service job queues are not emulated locally");
        }
        List<String> order = environmentOrder(p);
        List<JobStateTimeLimitAction> actions = new ArrayList<>();
        for (CfnNode action : p.objects("JobStateTimeLimitActions")) {
            String reason = action.requiredString("Reason");
            String actionState = upper(action.requiredString("State"));
            Long seconds = action.requiredInteger("MaxTimeSeconds");
            String verb = upper(action.requiredString("Action"));
            if (reason == null || actionState == null || seconds == null || verb == null) {
                continue;
            }
            try {
                JobStatus status =
                        actionState.equals("RUNNABLE") ? JobStatus.RUNNABLE : JobStatus.SUBMITTED;
                actions.add(
                        new JobStateTimeLimitAction(
                                reason, status, Math.toIntExact(seconds), verb));
            } catch (IllegalArgumentException | ArithmeticException e) {
                action.problem(null, BatchCode.INVALID_VALUE, e.getMessage());
            }
        }
        if (name == null || state == null || priority == null || order == null) {
            return;
        }
        try {
            JobQueue queue =
                    new JobQueue(logicalId, name, state, Math.toIntExact(priority), order, actions);
            checkFamilies(p, queue);
            if (queues.putIfAbsent(name, queue) != null) {
                duplicate(p, "JobQueueName", "job queue", name);
            }
        } catch (IllegalArgumentException | ArithmeticException e) {
            p.problem(null, BatchCode.INVALID_VALUE, e.getMessage());
        }
    }

    private List<String> environmentOrder(CfnNode p) {
        if (!p.has("ComputeEnvironmentOrder")) {
            p.problem("ComputeEnvironmentOrder", BatchCode.MISSING_PROPERTY, "is required");
            return null;
        }
        List<long[]> ordered = new ArrayList<>();
        List<String> names = new ArrayList<>();
        boolean ok = true;
        for (CfnNode entry : p.objects("ComputeEnvironmentOrder")) {
            Long order = entry.requiredInteger("Order");
            String name = environmentReference(entry);
            if (order == null || name == null) {
                ok = false;
                continue;
            }
            ordered.add(new long[] {order, names.size()});
            names.add(name);
        }
        if (!ok) {
            return null;
        }
        ordered.sort((a, b) -> Long.compare(a[0], b[0]));
        List<String> result = new ArrayList<>();
        for (long[] entry : ordered) {
            result.add(names.get((int) entry[1]));
        }
        return result;
    }

    private String environmentReference(CfnNode entry) {
        Object value = entry.raw("ComputeEnvironment");
        if (value == null) {
            entry.problem("ComputeEnvironment", BatchCode.MISSING_PROPERTY, "is required");
            return null;
        }
        String logicalRef = logicalReference(value);
        if (logicalRef != null) {
            String name = environmentByLogicalId.get(logicalRef);
            if (name == null) {
                entry.problem(
                        "ComputeEnvironment",
                        BatchCode.UNKNOWN_REFERENCE,
                        "references '"
                                + logicalRef
                                + "', which is not an AWS::Batch::ComputeEnvironment of this"
                                + " template");
            }
            return name;
        }
        String text = entry.string("ComputeEnvironment");
        if (text == null) {
            return null;
        }
        String name = BatchArns.resource(text, "compute-environment").orElse(text);
        if (declaredEnvironments.contains(name)) {
            return name;
        }
        if (environmentByLogicalId.containsKey(name)) {
            return environmentByLogicalId.get(name);
        }
        entry.problem(
                "ComputeEnvironment",
                BatchCode.UNKNOWN_REFERENCE,
                "'"
                        + text
                        + "' is not a compute environment of this template (declared: "
                        + String.join(", ", declaredEnvironments)
                        + ")");
        return null;
    }

    private static String logicalReference(Object value) {
        if (value instanceof Map<?, ?> map && map.size() == 1) {
            Object ref = map.get("Ref");
            if (ref instanceof String s) {
                return s;
            }
            Object getAtt = map.get("Fn::GetAtt");
            if (getAtt instanceof List<?> list && !list.isEmpty()) {
                return String.valueOf(list.get(0));
            }
        }
        return null;
    }

    private void checkFamilies(CfnNode p, JobQueue queue) {
        long fargate =
                queue.computeEnvironments().stream()
                        .map(environments::get)
                        .filter(e -> e != null && e.isFargate())
                        .count();
        if (fargate != 0 && fargate != queue.computeEnvironments().size()) {
            p.problem(
                    "ComputeEnvironmentOrder",
                    BatchCode.INVALID_VALUE,
                    "mixes EC2 and Fargate compute environments; all must be EC2/SPOT or all"
                            + " FARGATE/FARGATE_SPOT");
        }
    }

    private void jobDefinition(String logicalId, CfnNode p) {
        String name = name(p, "JobDefinitionName", logicalId);
        JobDefinitionSpec spec = JobDefinitionReader.read(name, p);
        if (spec != null && definitions.putIfAbsent(name, spec) != null) {
            duplicate(p, "JobDefinitionName", "job definition", name);
        }
    }

    private String name(CfnNode p, String key, String logicalId) {
        String name = p.has(key) ? p.string(key) : logicalId;
        if (name != null && !NAME.matcher(name).matches()) {
            p.problem(
                    p.has(key) ? key : null,
                    BatchCode.INVALID_VALUE,
                    "name '"
                            + name
                            + "' must be 1 to 128 letters, numbers, hyphens and underscores");
            return null;
        }
        return name;
    }

    private static ResourceState state(CfnNode p) {
        String state = upper(p.string("State"));
        if (state == null) {
            return p.has("State") ? null : ResourceState.ENABLED;
        }
        try {
            return ResourceState.valueOf(state);
        } catch (IllegalArgumentException e) {
            p.problem(
                    "State", BatchCode.INVALID_VALUE, "must be ENABLED or DISABLED, got " + state);
            return null;
        }
    }

    private static Integer nonNegative(CfnNode p, String key, Long value) {
        if (value == null) {
            return null;
        }
        if (value < 0 || value > Integer.MAX_VALUE) {
            p.problem(key, BatchCode.INVALID_VALUE, "must be between 0 and 2147483647");
            return null;
        }
        return value.intValue();
    }

    private void duplicate(CfnNode p, String key, String kind, String name) {
        p.problem(
                key,
                BatchCode.DUPLICATE_NAME,
                "another " + kind + " is already named '" + name + "'");
    }

    private static String upper(String value) {
        return value == null ? null : value.trim().toUpperCase(Locale.ROOT);
    }
}
