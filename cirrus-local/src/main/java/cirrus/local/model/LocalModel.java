package cirrus.local.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The compiled project as the local engine runs it: every serverless variable and intrinsic
 * function resolved to local names (see {@link LocalNames} for the naming scheme), functions bound
 * to their handlers, workflows' state machines ready to interpret, Batch resources by logical id,
 * buckets as directories and queues/topics/tables as SQLite-backed names.
 *
 * @param names the stack, region and ARN scheme
 * @param projectDirectory the project (where {@code cirrus.yml} is)
 * @param buildDirectory where the compiled {@code serverless.yml} is
 * @param stateDirectory where local state lives ({@code state.db}, {@code buckets/}, {@code logs/})
 * @param functions Lambda functions by serverless key
 * @param stateMachines state machines by workflow name
 * @param resources every CloudFormation resource by logical id, in template order
 * @param buckets S3 buckets by logical id
 * @param queues SQS queues by logical id
 * @param topics SNS topics by logical id
 * @param settings the {@code custom.local} settings
 */
public record LocalModel(
        LocalNames names,
        Path projectDirectory,
        Path buildDirectory,
        Path stateDirectory,
        Map<String, LocalFunction> functions,
        Map<String, LocalStateMachine> stateMachines,
        Map<String, LocalResource> resources,
        Map<String, LocalBucket> buckets,
        Map<String, LocalQueue> queues,
        Map<String, LocalTopic> topics,
        LocalSettings settings) {
    public LocalModel {
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(projectDirectory, "projectDirectory");
        Objects.requireNonNull(buildDirectory, "buildDirectory");
        Objects.requireNonNull(stateDirectory, "stateDirectory");
        functions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(functions));
        stateMachines =
                java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(stateMachines));
        resources = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(resources));
        buckets = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(buckets));
        queues = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(queues));
        topics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(topics));
        Objects.requireNonNull(settings, "settings");
    }

    /** The function with this key, name or ARN. */
    public Optional<LocalFunction> function(String keyNameOrArn) {
        LocalFunction byKey = functions.get(keyNameOrArn);
        if (byKey != null) {
            return Optional.of(byKey);
        }
        String name = keyNameOrArn.startsWith("arn:") ? functionName(keyNameOrArn) : keyNameOrArn;
        return functions.values().stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** The state machine with this workflow name, name or ARN. */
    public Optional<LocalStateMachine> stateMachine(String keyNameOrArn) {
        LocalStateMachine byKey = stateMachines.get(keyNameOrArn);
        if (byKey != null) {
            return Optional.of(byKey);
        }
        return stateMachines.values().stream()
                .filter(s -> s.arn().equals(keyNameOrArn) || s.name().equals(keyNameOrArn))
                .findFirst();
    }

    /**
     * The prefix {@code process} prepends to a payload's workflow to find its state machine ({@code
     * CIRRUS_BASE_WORKFLOW_ARN}).
     */
    public String baseWorkflowArn() {
        return names.stateMachineArn(names.stackName() + "-");
    }

    /** The bucket with this name or logical id. */
    public Optional<LocalBucket> bucket(String nameOrLogicalId) {
        LocalBucket byId = buckets.get(nameOrLogicalId);
        return byId != null
                ? Optional.of(byId)
                : buckets.values().stream()
                        .filter(b -> b.name().equals(nameOrLogicalId))
                        .findFirst();
    }

    /** The queue with this URL, ARN, name or logical id. */
    public Optional<LocalQueue> queue(String reference) {
        LocalQueue byId = queues.get(reference);
        return byId != null
                ? Optional.of(byId)
                : queues.values().stream()
                        .filter(
                                q ->
                                        q.url().equals(reference)
                                                || q.arn().equals(reference)
                                                || q.name().equals(reference))
                        .findFirst();
    }

    /** The topic with this ARN, name or logical id. */
    public Optional<LocalTopic> topic(String reference) {
        LocalTopic byId = topics.get(reference);
        return byId != null
                ? Optional.of(byId)
                : topics.values().stream()
                        .filter(t -> t.arn().equals(reference) || t.name().equals(reference))
                        .findFirst();
    }

    /** The resources of one kind, in template order. */
    public List<LocalResource> resources(ResourceKind kind) {
        return resources.values().stream().filter(r -> r.kind() == kind).toList();
    }

    private static String functionName(String arn) {
        if (!arn.contains(":function:")) {
            return arn;
        }
        String rest = arn.substring(arn.indexOf(":function:") + ":function:".length());
        int qualifier = rest.indexOf(':');
        return qualifier < 0 ? rest : rest.substring(0, qualifier);
    }
}
