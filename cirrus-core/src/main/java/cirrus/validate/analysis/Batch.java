package cirrus.validate.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import cirrus.plan.bluegreen.Revision;
import cirrus.validate.DeployedObject;
import cirrus.validate.ProjectView;
import cirrus.validate.source.Node;

/**
 * The AWS Batch side of the deployed project: job definitions, job queues (with the compute
 * environments they order), compute environments (with what they can run) and the Batch steps of
 * the workflows (with the queue and job definition each submits to), as the Batch rules need them.
 */
public final class Batch {
    public static final String JOB_DEFINITION = "AWS::Batch::JobDefinition";
    public static final String JOB_QUEUE = "AWS::Batch::JobQueue";
    public static final String COMPUTE_ENVIRONMENT = "AWS::Batch::ComputeEnvironment";

    /** Fargate's largest task: 16 vCPUs and 120 GiB, no GPUs. */
    static final double FARGATE_VCPUS = 16;

    static final double FARGATE_MEMORY_MIB = 120 * 1024;

    private final ProjectView view;
    private final ServerlessVariables variables;
    private final Map<String, DeployedObject> jobDefinitions = new LinkedHashMap<>();
    private final Map<String, DeployedObject> queues = new LinkedHashMap<>();
    private final Map<String, DeployedObject> environments = new LinkedHashMap<>();
    private final List<Step> steps = new ArrayList<>();

    private Batch(ProjectView view) {
        this.view = view;
        this.variables = new ServerlessVariables(view.serverless());
    }

    /** The Batch analysis of {@code view} (shared through {@link ProjectView#analysis}). */
    public static Batch of(ProjectView view) {
        return view.analysis(Batch.class, Batch::read);
    }

    private static Batch read(ProjectView view) {
        Batch b = new Batch(view);
        for (DeployedObject o : view.resources()) {
            if (o.is(JOB_DEFINITION)) {
                b.jobDefinitions.put(o.name(), o);
            } else if (o.is(JOB_QUEUE)) {
                b.queues.put(o.name(), o);
            } else if (o.is(COMPUTE_ENVIRONMENT)) {
                b.environments.put(o.name(), o);
            }
        }
        for (Asl.State s : Asl.of(view).states()) {
            if (s.type().equals("Task")
                    && isSubmitJob(s.node().get("Resource").map(Node::value).orElse(null))) {
                b.steps.add(new Step(s));
            }
        }
        return b;
    }

    /** Whether a Task's Resource is the Batch SubmitJob integration. */
    static boolean isSubmitJob(Object resource) {
        Object r =
                resource instanceof Map<?, ?> m && m.size() == 1 && m.containsKey("Fn::Sub")
                        ? m.get("Fn::Sub")
                        : resource;
        return r instanceof String s && s.contains(":states:::batch:submitJob");
    }

    public ServerlessVariables variables() {
        return variables;
    }

    public Map<String, DeployedObject> jobDefinitions() {
        return jobDefinitions;
    }

    public Map<String, DeployedObject> queues() {
        return queues;
    }

    public Map<String, DeployedObject> environments() {
        return environments;
    }

    /** The Batch steps of every deployed workflow. */
    public List<Step> steps() {
        return steps;
    }

    /** The deployed job definition a step names (or its blue/green revision). */
    public Optional<DeployedObject> jobDefinition(String id) {
        return find(jobDefinitions, id);
    }

    /** The deployed job queue a step names (or its blue/green revision). */
    public Optional<DeployedObject> queue(String id) {
        return find(queues, id);
    }

    /** The deployed compute environment a queue names (or its blue/green revision). */
    public Optional<DeployedObject> environment(String id) {
        return find(environments, id);
    }

    private static Optional<DeployedObject> find(Map<String, DeployedObject> objects, String id) {
        DeployedObject exact = objects.get(id);
        if (exact != null) {
            return Optional.of(exact);
        }
        return objects.values().stream()
                .filter(o -> Revision.stem(o.name()).equals(id))
                .findFirst();
    }

    /** The {@code ContainerProperties} of a job definition as written. */
    public static Node container(DeployedObject jobDefinition) {
        return jobDefinition
                .node()
                .at(List.of("Properties", "ContainerProperties"))
                .orElse(Node.detached(Map.of()));
    }

    /** What a job definition asks for. */
    public Requirements requirements(DeployedObject jobDefinition) {
        return Requirements.of(container(jobDefinition), variables);
    }

    /** The compute environments a queue orders (deployed ones only). */
    public List<DeployedObject> environmentsOf(DeployedObject queue) {
        List<DeployedObject> out = new ArrayList<>();
        for (Node entry :
                queue.node()
                        .at(List.of("Properties", "ComputeEnvironmentOrder"))
                        .map(Node::items)
                        .orElse(List.of())) {
            entry.get("ComputeEnvironment")
                    .flatMap(n -> TargetId.of(n.value()))
                    .flatMap(this::environment)
                    .ifPresent(out::add);
        }
        return out;
    }

    /**
     * Why a job with {@code needs} can never run in {@code environment}, or empty when it can (or
     * when the environment's capacity is unknown).
     */
    public Optional<String> neverFits(Requirements needs, DeployedObject environment) {
        Node resources =
                environment.node().at(List.of("Properties", "ComputeResources")).orElse(null);
        if (resources == null) {
            return Optional.empty(); // unmanaged
        }
        String name = environment.name();
        OptionalDouble max = number(resources.get("MaxvCpus"));
        if (needs.vcpus().isPresent()
                && max.isPresent()
                && needs.vcpus().getAsDouble() > max.getAsDouble()) {
            return Optional.of(name + " has MaxvCpus " + Requirements.format(max.getAsDouble()));
        }
        String type = resources.string("Type").orElse("EC2");
        if (type.startsWith("FARGATE")) {
            if (needs.gpus().orElse(0) > 0) {
                return Optional.of(name + " runs on Fargate, which has no GPUs");
            }
            if (needs.vcpus().orElse(0) > FARGATE_VCPUS
                    || needs.memoryMiB().orElse(0) > FARGATE_MEMORY_MIB) {
                return Optional.of(
                        name + " runs on Fargate, whose largest task has 16 vCPUs and 120 GiB");
            }
            return Optional.empty();
        }
        List<String> entries = new ArrayList<>();
        for (Node t : resources.get("InstanceTypes").map(Node::items).orElse(List.of())) {
            if (!(t.value() instanceof String s)) {
                return Optional.empty();
            }
            entries.add(s);
        }
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        Optional<List<InstanceTypes.Capacity>> capacities = InstanceTypes.of(entries);
        if (capacities.isEmpty()) {
            return Optional.empty();
        }
        for (InstanceTypes.Capacity c : capacities.get()) {
            if (c.vcpus() >= needs.vcpus().orElse(0)
                    && c.memoryMiB() >= needs.memoryMiB().orElse(0)
                    && c.gpus() >= needs.gpus().orElse(0)) {
                return Optional.empty();
            }
        }
        return Optional.of(
                name
                        + " launches "
                        + String.join(", ", entries)
                        + ", none of which has "
                        + needs.text());
    }

    private OptionalDouble number(Optional<Node> node) {
        return node.flatMap(n -> variables.resolveNumber(n.value()))
                .map(OptionalDouble::of)
                .orElse(OptionalDouble.empty());
    }

    /**
     * One Batch step: a Task state running {@code arn:aws:states:::batch:submitJob(.sync)}.
     *
     * @param state the state
     */
    public record Step(Asl.State state) {
        /** The step's Parameters (what it sends to SubmitJob). */
        public Node parameters() {
            return state.node().get("Parameters").orElse(Node.detached(Map.of()));
        }

        /** The node naming the job queue, if the step names it statically. */
        public Optional<Node> jobQueue() {
            return parameters().get("JobQueue");
        }

        /** The node naming the job definition, if the step names it statically. */
        public Optional<Node> jobDefinition() {
            return parameters().get("JobDefinition");
        }

        /** The logical id of the job queue, if the step refers to one. */
        public Optional<String> jobQueueId() {
            return jobQueue().flatMap(n -> TargetId.of(n.value()));
        }

        /** The logical id of the job definition, if the step refers to one. */
        public Optional<String> jobDefinitionId() {
            return jobDefinition().flatMap(n -> TargetId.of(n.value()));
        }

        /** The names of the job parameters the step passes ({@code url} for {@code url.$}). */
        public List<String> passedParameters() {
            List<String> names = new ArrayList<>();
            for (Node p : parameters().get("Parameters").map(Node::entries).orElse(List.of())) {
                String key = p.name().orElse("");
                names.add(key.endsWith(".$") ? key.substring(0, key.length() - 2) : key);
            }
            return names;
        }

        /** The requirements the step overrides ({@code ContainerOverrides}). */
        public Requirements overrides(ServerlessVariables variables) {
            return parameters()
                    .get("ContainerOverrides")
                    .map(c -> Requirements.of(c, variables))
                    .orElse(Requirements.NONE);
        }
    }
}
