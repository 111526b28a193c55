package cirrus.compile.cfn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a state machine's role must allow, read from its definition: the Lambda functions its Task
 * states invoke, the Batch jobs they submit (with the managed EventBridge rule {@code .sync}
 * needs), the state machines they start, the topics, queues and tables they use. Parallel branches
 * and Map iterators are followed. A Task whose permissions cannot be derived (an {@code aws-sdk}
 * integration, an activity) is reported; give that state machine a {@code role} of its own.
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/step-functions/latest/dg/service-integration-iam-templates.html">IAM
 *     policies for integrated services</a>
 */
final class StateMachinePermissions {
    private static final Pattern INTEGRATION =
            Pattern.compile(
                    "^arn:[^:]+:states:::([a-z0-9-]+):([A-Za-z]+)(\\.sync(:2)?|\\.waitForTaskToken)?$");

    private final TemplateSections template;
    private final TaskResources resources;
    private final Findings findings;

    /** Actions (joined) → resources, in order of first use. */
    private final Map<List<String>, List<Object>> grants = new LinkedHashMap<>();

    private StateMachinePermissions(TemplateSections template, Findings findings) {
        this.template = template;
        this.resources = new TaskResources(template);
        this.findings = findings;
    }

    /** The IAM statements the state machine {@code definition} (at {@code where}) needs. */
    static List<Object> of(
            Object definition, String where, TemplateSections template, Findings findings) {
        StateMachinePermissions p = new StateMachinePermissions(template, findings);
        p.states(Tree.map(Tree.map(definition).get("States")), where + ".definition.States");
        List<Object> statements = new ArrayList<>();
        p.grants.forEach(
                (actions, resources) ->
                        statements.add(
                                Intrinsic.map(
                                        "Effect",
                                        "Allow",
                                        "Action",
                                        actions,
                                        "Resource",
                                        resources)));
        return statements;
    }

    private void states(Map<String, Object> states, String where) {
        states.forEach(
                (name, value) -> {
                    Map<String, Object> state = Tree.map(value);
                    String at = where + "." + name;
                    switch (Tree.text(state.get("Type")).orElse("")) {
                        case "Task" -> task(state, at);
                        case "Parallel" -> {
                            List<Object> branches = Tree.list(state.get("Branches"));
                            for (int i = 0; i < branches.size(); i++) {
                                states(
                                        Tree.map(Tree.map(branches.get(i)).get("States")),
                                        at + ".Branches[" + i + "].States");
                            }
                        }
                        case "Map" -> {
                            Object processor =
                                    state.containsKey("ItemProcessor")
                                            ? state.get("ItemProcessor")
                                            : state.get("Iterator");
                            states(
                                    Tree.map(Tree.map(processor).get("States")),
                                    at + ".ItemProcessor.States");
                        }
                        default -> {}
                    }
                });
    }

    private void task(Map<String, Object> state, String where) {
        Object resource = state.get("Resource");
        Map<String, Object> parameters =
                Tree.map(
                        state.containsKey("Parameters")
                                ? state.get("Parameters")
                                : state.get("Arguments"));
        Optional<String> lambda =
                Intrinsic.getAttTarget(resource)
                        .filter(t -> isFunction(t.get(0)))
                        .map(t -> t.get(0));
        if (lambda.isPresent()) {
            invoke(Intrinsic.arn(lambda.get()));
            return;
        }
        if (Intrinsic.target(resource)
                .filter(id -> template.resourceType(id) == null)
                .isPresent()) {
            return; // a reference to nothing, which References reports
        }
        String text =
                resource instanceof String s
                        ? s
                        : resource instanceof Map<?, ?> m
                                        && m.get(Intrinsic.SUB) instanceof String s
                                ? s
                                : "";
        text = text.replace("${AWS::Partition}", "aws");
        if (text.startsWith("arn:") && text.contains(":lambda:") && text.contains(":function:")) {
            invoke(resource);
            return;
        }
        Matcher m = INTEGRATION.matcher(text);
        if (!m.matches()) {
            unknown(where, resource);
            return;
        }
        String service = m.group(1);
        String action = m.group(2);
        boolean sync = m.group(3) != null && m.group(3).startsWith(".sync");
        switch (service + ":" + action) {
            case "lambda:invoke" ->
                    invoke(
                            TaskResources.value(
                                    parameters,
                                    "FunctionName",
                                    resources::functionArn,
                                    TaskResources.account("lambda", "function:*")));
            case "batch:submitJob" -> {
                grant(
                        List.of("batch:SubmitJob"),
                        TaskResources.value(
                                parameters,
                                "JobDefinition",
                                v -> TaskResources.named(v, "batch", "job-definition/"),
                                TaskResources.account("batch", "job-definition/*")));
                grant(
                        List.of("batch:SubmitJob"),
                        TaskResources.value(
                                parameters,
                                "JobQueue",
                                v -> TaskResources.named(v, "batch", "job-queue/"),
                                TaskResources.account("batch", "job-queue/*")));
                if (sync) {
                    grant(List.of("batch:DescribeJobs", "batch:TerminateJob"), "*");
                    grant(
                            List.of("events:PutTargets", "events:PutRule", "events:DescribeRule"),
                            TaskResources.account(
                                    "events", "rule/StepFunctionsGetEventsForBatchJobsRule"));
                }
            }
            case "states:startExecution" -> {
                Object machine =
                        TaskResources.value(
                                parameters,
                                "StateMachineArn",
                                v -> v,
                                TaskResources.account("states", "stateMachine:*"));
                grant(List.of("states:StartExecution"), machine);
                if (sync) {
                    Object executions =
                            Intrinsic.refTarget(machine)
                                    .<Object>map(
                                            id ->
                                                    TaskResources.account(
                                                            "states",
                                                            "execution:${" + id + ".Name}:*"))
                                    .orElse(TaskResources.account("states", "execution:*"));
                    grant(List.of("states:DescribeExecution", "states:StopExecution"), executions);
                    grant(
                            List.of("events:PutTargets", "events:PutRule", "events:DescribeRule"),
                            TaskResources.account(
                                    "events",
                                    "rule/StepFunctionsGetEventsForStepFunctionsExecutionRule"));
                }
            }
            case "sns:publish" ->
                    grant(
                            List.of("sns:Publish"),
                            TaskResources.value(
                                    parameters,
                                    parameters.containsKey("TargetArn") ? "TargetArn" : "TopicArn",
                                    v -> v,
                                    TaskResources.account("sns", "*")));
            case "sqs:sendMessage" ->
                    grant(
                            List.of("sqs:SendMessage"),
                            TaskResources.value(
                                    parameters,
                                    "QueueUrl",
                                    resources::queueArn,
                                    TaskResources.account("sqs", "*")));
            case "dynamodb:getItem",
                    "dynamodb:putItem",
                    "dynamodb:updateItem",
                    "dynamodb:deleteItem" ->
                    grant(
                            List.of(
                                    "dynamodb:"
                                            + Character.toUpperCase(action.charAt(0))
                                            + action.substring(1)),
                            TaskResources.value(
                                    parameters,
                                    "TableName",
                                    resources::tableArn,
                                    TaskResources.account("dynamodb", "table/*")));
            case "events:putEvents" ->
                    grant(
                            List.of("events:PutEvents"),
                            TaskResources.account("events", "event-bus/*"));
            default -> unknown(where, resource);
        }
    }

    private boolean isFunction(String id) {
        return resources.isFunction(id);
    }

    private void invoke(Object arn) {
        List<Object> resources = new ArrayList<>(List.of(arn));
        if (!(arn instanceof String s && s.endsWith("*"))) {
            Intrinsic.getAttTarget(arn)
                    .ifPresentOrElse(
                            t -> resources.add(Intrinsic.sub("${" + t.get(0) + ".Arn}:*")),
                            () -> {
                                if (arn instanceof String s) {
                                    resources.add(s + ":*");
                                }
                            });
        }
        resources.forEach(r -> grant(List.of("lambda:InvokeFunction"), r));
    }

    private void grant(List<String> actions, Object resource) {
        List<Object> resources = grants.computeIfAbsent(actions, a -> new ArrayList<>());
        if (!resources.contains(resource)) {
            resources.add(resource);
        }
    }

    private void unknown(String where, Object resource) {
        findings.warning(
                CfnCode.UNKNOWN_PERMISSIONS,
                where,
                "cannot tell which permissions the Task resource "
                        + (resource instanceof String s ? "'" + s + "'" : Json.compact(resource))
                        + " needs, so the generated role does not allow it; give the state machine a 'role' of its own");
    }
}
