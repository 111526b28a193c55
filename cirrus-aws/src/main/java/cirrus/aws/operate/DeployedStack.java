package cirrus.aws.operate;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackResourceSummary;

import cirrus.aws.config.AwsSettings;
import cirrus.aws.config.Retries;
import cirrus.runtime.json.InvalidJsonException;
import cirrus.runtime.json.Json;
import cirrus.runtime.operate.OperateException;
import cirrus.runtime.port.LogReader;

/**
 * The resources of a deployed cirrus stack an operator needs, found from the stack itself: the
 * environment of its functions in the deployed template ({@code CIRRUS_STATE_DB}, {@code
 * CIRRUS_PROCESS_QUEUE_URL}, {@code CIRRUS_PAYLOAD_BUCKET}, {@code CIRRUS_BATCH_LOG_GROUP})
 * resolved against the stack's resources, falling back to the builtin logical ids ({@code
 * StateTable}, {@code ProcessQueue}, output {@code CirrusProcessQueue}).
 *
 * @param stackName the stack
 * @param stateTable the state table name
 * @param processQueueUrl the process queue URL
 * @param payloadBucket the payload bucket (empty text when not found)
 * @param batchLogGroup the log group of Batch jobs
 * @param stateMachines state machine ARNs by logical id
 */
public record DeployedStack(
        String stackName,
        String stateTable,
        String processQueueUrl,
        String payloadBucket,
        String batchLogGroup,
        Map<String, String> stateMachines) {
    private static final Pattern SUB = Pattern.compile("\\$\\{([^}!]+)}");

    public DeployedStack {
        Objects.requireNonNull(stackName, "stackName");
        Objects.requireNonNull(stateTable, "stateTable");
        Objects.requireNonNull(processQueueUrl, "processQueueUrl");
        Objects.requireNonNull(payloadBucket, "payloadBucket");
        Objects.requireNonNull(batchLogGroup, "batchLogGroup");
        stateMachines = Map.copyOf(stateMachines);
    }

    /**
     * Finds the stack and its resources.
     *
     * @throws OperateException {@code STACK_NOT_FOUND}, {@code STACK_INCOMPLETE}, {@code
     *     NO_CREDENTIALS} or {@code AWS_ERROR}
     */
    public static DeployedStack find(AwsSettings settings, String stackName) {
        var http =
                UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofSeconds(60))
                        .build();
        var builder =
                CloudFormationClient.builder()
                        .region(settings.region())
                        .credentialsProvider(settings.credentials())
                        .httpClient(http)
                        .overrideConfiguration(o -> o.retryStrategy(Retries.DEFAULT.strategy()));
        settings.endpoint().ifPresent(builder::endpointOverride);
        try (CloudFormationClient cfn = builder.build()) {
            return find(cfn, stackName, settings.region().id());
        } finally {
            http.close();
        }
    }

    static DeployedStack find(CloudFormationClient cfn, String stackName, String region) {
        Stack stack;
        Map<String, StackResourceSummary> resources = new LinkedHashMap<>();
        JsonNode template;
        try {
            stack = cfn.describeStacks(r -> r.stackName(stackName)).stacks().get(0);
            for (StackResourceSummary s :
                    cfn.listStackResourcesPaginator(r -> r.stackName(stackName))
                            .stackResourceSummaries()) {
                resources.put(s.logicalResourceId(), s);
            }
            template = parse(cfn.getTemplate(r -> r.stackName(stackName)).templateBody());
        } catch (CloudFormationException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not exist")) {
                throw new OperateException(
                        OperateException.Code.STACK_NOT_FOUND,
                        "no stack " + stackName + " in " + region,
                        "check --stage, --region and --profile, or deploy it with `cirrus deploy`");
            }
            throw AwsErrors.of("DescribeStacks " + stackName, e);
        } catch (RuntimeException e) {
            throw AwsErrors.of("DescribeStacks " + stackName, e);
        }
        Map<String, String> physical = new TreeMap<>();
        Map<String, String> machines = new TreeMap<>();
        resources.forEach(
                (id, s) -> {
                    if (s.physicalResourceId() != null) {
                        physical.put(id, s.physicalResourceId());
                        if ("AWS::StepFunctions::StateMachine".equals(s.resourceType())) {
                            machines.put(id, s.physicalResourceId());
                        }
                    }
                });
        Map<String, String> outputs = new TreeMap<>();
        stack.outputs().forEach(o -> outputs.put(o.outputKey(), o.outputValue()));
        Map<String, String> env = environment(template, physical);
        String table =
                Optional.ofNullable(env.get("CIRRUS_STATE_DB"))
                        .or(() -> Optional.ofNullable(physical.get("StateTable")))
                        .orElseThrow(() -> incomplete(stackName, "state table (StateTable)"));
        String queue =
                Optional.ofNullable(env.get("CIRRUS_PROCESS_QUEUE_URL"))
                        .or(() -> Optional.ofNullable(physical.get("ProcessQueue")))
                        .or(() -> Optional.ofNullable(outputs.get("CirrusProcessQueue")))
                        .orElseThrow(() -> incomplete(stackName, "process queue (ProcessQueue)"));
        String bucket =
                Optional.ofNullable(env.get("CIRRUS_PAYLOAD_BUCKET"))
                        .or(() -> Optional.ofNullable(physical.get("Payloads")))
                        .orElse("");
        return new DeployedStack(
                stackName,
                table,
                queue,
                bucket,
                env.getOrDefault("CIRRUS_BATCH_LOG_GROUP", LogReader.BATCH_LOG_GROUP),
                machines);
    }

    private static OperateException incomplete(String stack, String what) {
        return new OperateException(
                OperateException.Code.STACK_INCOMPLETE,
                "stack " + stack + " has no " + what,
                "is it a cirrus stack? `cirrus deploy` creates one");
    }

    private static JsonNode parse(String body) {
        try {
            return Json.parse(body == null ? "{}" : body);
        } catch (InvalidJsonException e) {
            return Json.MAPPER.createObjectNode(); // a YAML template: use the logical ids
        }
    }

    /** The CIRRUS_* variables of the functions of the template, resolved. */
    private static Map<String, String> environment(
            JsonNode template, Map<String, String> physical) {
        Map<String, String> env = new TreeMap<>();
        Iterator<JsonNode> it = template.path("Resources").elements();
        while (it.hasNext()) {
            JsonNode r = it.next();
            if (!"AWS::Lambda::Function".equals(r.path("Type").asText())) {
                continue;
            }
            var vars = r.path("Properties").path("Environment").path("Variables").fields();
            while (vars.hasNext()) {
                var v = vars.next();
                if (v.getKey().startsWith("CIRRUS_") && !env.containsKey(v.getKey())) {
                    resolve(v.getValue(), physical).ifPresent(s -> env.put(v.getKey(), s));
                }
            }
        }
        return env;
    }

    private static Optional<String> resolve(JsonNode value, Map<String, String> physical) {
        if (value.isTextual()) {
            return Optional.of(value.asText());
        }
        if (value.has("Ref")) {
            return Optional.ofNullable(physical.get(value.get("Ref").asText()));
        }
        if (value.has("Fn::Sub") && value.get("Fn::Sub").isTextual()) {
            Matcher m = SUB.matcher(value.get("Fn::Sub").asText());
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String id = physical.get(m.group(1));
                if (id == null) {
                    return Optional.empty();
                }
                m.appendReplacement(out, Matcher.quoteReplacement(id));
            }
            m.appendTail(out);
            return Optional.of(out.toString());
        }
        return Optional.empty();
    }
}
