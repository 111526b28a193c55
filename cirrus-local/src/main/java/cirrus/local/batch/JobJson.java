package cirrus.local.batch;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Renders jobs in the shapes AWS uses: {@link #detail} is one {@code JobDetail} of DescribeJobs
 * (camelCase, epoch-millis timestamps), {@link #summary} one {@code JobSummary} of ListJobs, and
 * {@link #stepFunctions} converts a detail to the PascalCase form that Step Functions' {@code
 * batch:submitJob.sync} returns as task output (and as the {@code Cause} of a failed job), which
 * post-batch reads ({@code Attempts[].Container.LogStreamName}, {@code Parameters.url_out}).
 *
 * @see <a href="https://docs.aws.amazon.com/batch/latest/APIReference/API_JobDetail.html">
 *     JobDetail</a>
 */
public final class JobJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JobJson() {}

    /** The DescribeJobs response: {@code {"jobs": [...]}}. */
    public static ObjectNode describeJobs(List<Job> jobs) {
        ObjectNode response = NODES.objectNode();
        ArrayNode list = response.putArray("jobs");
        jobs.forEach(job -> list.add(detail(job)));
        return response;
    }

    /** One {@code JobDetail}. */
    public static ObjectNode detail(Job job) {
        ObjectNode node = NODES.objectNode();
        node.put("jobArn", job.jobArn());
        node.put("jobName", job.jobName());
        node.put("jobId", job.jobId());
        node.put("jobQueue", job.jobQueueArn());
        node.put("status", job.status().name());
        ArrayNode attempts = node.putArray("attempts");
        for (JobAttempt attempt : job.attempts()) {
            ObjectNode a = attempts.addObject();
            ObjectNode container = a.putObject("container");
            putIfSet(container, "exitCode", attempt.exitCode());
            putIfSet(container, "reason", attempt.reason());
            putIfSet(container, "logStreamName", attempt.logStreamName());
            putIfSet(a, "startedAt", attempt.startedAt());
            a.put("stoppedAt", attempt.stoppedAt());
            putIfSet(a, "statusReason", attempt.statusReason());
        }
        putIfSet(node, "statusReason", job.statusReason());
        node.put("createdAt", job.createdAt());
        if (job.retryStrategy() != null) {
            node.set("retryStrategy", retryStrategy(job.retryStrategy()));
        }
        putIfSet(node, "startedAt", job.startedAt());
        putIfSet(node, "stoppedAt", job.stoppedAt());
        node.putArray("dependsOn");
        node.put("jobDefinition", job.jobDefinitionArn());
        node.set("parameters", stringMap(job.parameters()));
        node.set("container", container(job));
        if (job.timeoutSeconds() != null) {
            node.putObject("timeout").put("attemptDurationSeconds", job.timeoutSeconds());
        }
        node.set("tags", stringMap(job.tags()));
        node.put("propagateTags", false);
        node.putArray("platformCapabilities");
        node.putArray("eksAttempts");
        node.put("isCancelled", job.cancelled());
        node.put("isTerminated", job.terminated());
        return node;
    }

    /** One {@code JobSummary} of ListJobs. */
    public static ObjectNode summary(Job job) {
        ObjectNode node = NODES.objectNode();
        node.put("jobArn", job.jobArn());
        node.put("jobId", job.jobId());
        node.put("jobName", job.jobName());
        node.put("createdAt", job.createdAt());
        node.put("status", job.status().name());
        putIfSet(node, "statusReason", job.statusReason());
        putIfSet(node, "startedAt", job.startedAt());
        putIfSet(node, "stoppedAt", job.stoppedAt());
        ObjectNode container = node.putObject("container");
        JobAttempt last = lastAttempt(job);
        if (last != null) {
            putIfSet(container, "exitCode", last.exitCode());
            putIfSet(container, "reason", last.reason());
        }
        node.put("jobDefinition", job.jobDefinitionArn());
        return node;
    }

    /**
     * The PascalCase copy of a camelCase detail, as Step Functions returns it: every member name
     * gets an upper-case first letter, except the user-chosen keys of {@code parameters} and {@code
     * tags}.
     */
    public static ObjectNode stepFunctions(ObjectNode detail) {
        return (ObjectNode) pascal(detail);
    }

    /** Compact JSON text of a node (e.g. the {@code Cause} of a failed {@code submitJob.sync}). */
    public static String text(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode pascal(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = NODES.objectNode();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String key = field.getKey();
                boolean userKeys = key.equals("parameters") || key.equals("tags");
                String name =
                        key.isEmpty()
                                ? key
                                : Character.toUpperCase(key.charAt(0)) + key.substring(1);
                copy.set(name, userKeys ? field.getValue().deepCopy() : pascal(field.getValue()));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = NODES.arrayNode();
            node.forEach(item -> copy.add(pascal(item)));
            return copy;
        }
        return node;
    }

    private static ObjectNode container(Job job) {
        ContainerProperties c = job.container();
        ObjectNode node = NODES.objectNode();
        node.put("image", c.image());
        ArrayNode command = node.putArray("command");
        c.command().forEach(command::add);
        putIfSet(node, "jobRoleArn", c.jobRoleArn());
        putIfSet(node, "executionRoleArn", c.executionRoleArn());
        node.putArray("volumes");
        ArrayNode environment = node.putArray("environment");
        c.environment()
                .forEach(
                        (name, value) ->
                                environment.addObject().put("name", name).put("value", value));
        node.putArray("mountPoints");
        node.putArray("ulimits");
        putIfSet(node, "user", c.user());
        JobAttempt last = lastAttempt(job);
        if (last != null) {
            putIfSet(node, "exitCode", last.exitCode());
            putIfSet(node, "reason", last.reason());
        }
        String stream =
                job.current() != null
                        ? job.current().logStreamName()
                        : last != null ? last.logStreamName() : null;
        putIfSet(node, "logStreamName", stream);
        ArrayNode requirements = node.putArray("resourceRequirements");
        ResourceRequirements r = c.resources();
        if (r.vcpus() != null) {
            requirements.addObject().put("value", decimal(r.vcpus())).put("type", "VCPU");
        }
        if (r.memoryMiB() != null) {
            requirements.addObject().put("value", r.memoryMiB().toString()).put("type", "MEMORY");
        }
        if (r.gpus() != null) {
            requirements.addObject().put("value", r.gpus().toString()).put("type", "GPU");
        }
        node.putArray("secrets");
        return node;
    }

    private static ObjectNode retryStrategy(RetryStrategy strategy) {
        ObjectNode node = NODES.objectNode();
        node.put("attempts", strategy.attempts());
        ArrayNode rules = node.putArray("evaluateOnExit");
        for (EvaluateOnExit rule : strategy.evaluateOnExit()) {
            ObjectNode r = rules.addObject();
            putIfSet(r, "onStatusReason", rule.onStatusReason());
            putIfSet(r, "onReason", rule.onReason());
            putIfSet(r, "onExitCode", rule.onExitCode());
            r.put("action", rule.action().name());
        }
        return node;
    }

    private static JobAttempt lastAttempt(Job job) {
        return job.attempts().isEmpty() ? null : job.attempts().get(job.attempts().size() - 1);
    }

    private static ObjectNode stringMap(Map<String, String> map) {
        ObjectNode node = NODES.objectNode();
        map.forEach(node::put);
        return node;
    }

    private static String decimal(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static void putIfSet(ObjectNode node, String name, Object value) {
        if (value instanceof Integer i) {
            node.put(name, i);
        } else if (value instanceof Long l) {
            node.put(name, l);
        } else if (value != null) {
            node.put(name, value.toString());
        }
    }
}
