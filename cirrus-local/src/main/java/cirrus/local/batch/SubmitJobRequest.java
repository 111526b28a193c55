package cirrus.local.batch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A SubmitJob request. {@code jobDefinition} and {@code jobQueue} accept a name, {@code
 * name:revision} (definitions) or an ARN. {@code retryStrategy} and {@code timeoutSeconds} replace
 * the definition's when set; {@code parameters} override the definition's defaults.
 *
 * @see <a href="https://docs.aws.amazon.com/batch/latest/APIReference/API_SubmitJob.html">
 *     SubmitJob</a>
 */
public record SubmitJobRequest(
        String jobName,
        String jobQueue,
        String jobDefinition,
        Map<String, String> parameters,
        ContainerOverrides containerOverrides,
        RetryStrategy retryStrategy,
        Integer timeoutSeconds,
        Map<String, String> tags) {
    public SubmitJobRequest {
        parameters = JobDefinitionSpec.copy(parameters);
        tags = JobDefinitionSpec.copy(tags);
        containerOverrides =
                containerOverrides == null ? ContainerOverrides.NONE : containerOverrides;
    }

    /** A request with only the three required fields. */
    public static SubmitJobRequest of(String jobName, String jobQueue, String jobDefinition) {
        return new SubmitJobRequest(jobName, jobQueue, jobDefinition, null, null, null, null, null);
    }

    /** A copy with these parameters. */
    public SubmitJobRequest withParameters(Map<String, String> newParameters) {
        return new SubmitJobRequest(
                jobName,
                jobQueue,
                jobDefinition,
                newParameters,
                containerOverrides,
                retryStrategy,
                timeoutSeconds,
                tags);
    }

    /** A copy with these container overrides. */
    public SubmitJobRequest withContainerOverrides(ContainerOverrides overrides) {
        return new SubmitJobRequest(
                jobName,
                jobQueue,
                jobDefinition,
                parameters,
                overrides,
                retryStrategy,
                timeoutSeconds,
                tags);
    }

    /** A copy with this retry strategy and timeout (either may be {@code null}). */
    public SubmitJobRequest withRetryAndTimeout(RetryStrategy retry, Integer timeout) {
        return new SubmitJobRequest(
                jobName,
                jobQueue,
                jobDefinition,
                parameters,
                containerOverrides,
                retry,
                timeout,
                tags);
    }

    /**
     * Reads a request from a JSON-like tree in either the Batch API's camelCase ({@code jobName},
     * {@code containerOverrides.environment[].name}) or the PascalCase Step Functions passes to
     * {@code arn:aws:states:::batch:submitJob} ({@code JobName}, {@code
     * ContainerOverrides.Environment[].Name}).
     *
     * @throws BatchClientException when the tree is not a valid request
     */
    public static SubmitJobRequest fromJson(Map<String, ?> tree) {
        List<BatchProblem> problems = new ArrayList<>();
        CfnNode root = new CfnNode("SubmitJob", pascal(tree), problems);
        for (String unsupported :
                List.of(
                        "DependsOn",
                        "ArrayProperties",
                        "NodeOverrides",
                        "EksPropertiesOverride",
                        "EcsPropertiesOverride")) {
            if (root.has(unsupported)) {
                root.problem(
                        unsupported,
                        BatchCode.UNSUPPORTED,
                        "is not supported by the local Batch emulator");
            }
        }
        String name = root.requiredString("JobName");
        String queue = root.requiredString("JobQueue");
        String definition = root.requiredString("JobDefinition");
        Map<String, String> parameters = root.stringMap("Parameters");
        ContainerOverrides overrides = overrides(root.object("ContainerOverrides"));
        RetryStrategy retry = JobDefinitionReader.retryStrategy(root.object("RetryStrategy"));
        CfnNode timeout = root.object("Timeout");
        Long seconds = timeout == null ? null : timeout.integer("AttemptDurationSeconds");
        Map<String, String> tags = root.stringMap("Tags");
        if (!problems.isEmpty()) {
            throw new BatchClientException(
                    problems.get(0).path() + ": " + problems.get(0).message());
        }
        return new SubmitJobRequest(
                name,
                queue,
                definition,
                parameters,
                overrides,
                retry,
                seconds == null ? null : seconds.intValue(),
                tags);
    }

    private static ContainerOverrides overrides(CfnNode c) {
        if (c == null) {
            return ContainerOverrides.NONE;
        }
        return new ContainerOverrides(
                c.strings("Command"),
                JobDefinitionReader.environment(c),
                JobDefinitionReader.resources(c));
    }

    /** The tree with every object key's first letter upper-cased (maps of user keys excepted). */
    private static Map<String, Object> pascal(Map<String, ?> tree) {
        Map<String, Object> result = new LinkedHashMap<>();
        tree.forEach(
                (key, value) -> {
                    String name =
                            key.isEmpty()
                                    ? key
                                    : Character.toUpperCase(key.charAt(0)) + key.substring(1);
                    boolean userKeys = name.equals("Parameters") || name.equals("Tags");
                    result.put(name, userKeys ? value : pascalValue(value));
                });
        return result;
    }

    @SuppressWarnings("unchecked")
    private static Object pascalValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            return pascal((Map<String, ?>) map);
        }
        if (value instanceof List<?> list) {
            List<Object> result = new ArrayList<>();
            list.forEach(item -> result.add(pascalValue(item)));
            return result;
        }
        return value;
    }
}
