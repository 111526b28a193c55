package cirrus.compile.cfn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code schedule} and {@code eventBridge} events as {@code AWS::Events::Rule}s targeting their
 * function, each with the {@code AWS::Lambda::Permission} that lets EventBridge invoke it. An
 * {@code eventBridge} event's {@code deadLetterQueueArn} and {@code retryPolicy} become the
 * target's dead-letter config and retry policy; when the dead-letter queue is a queue of the
 * template, a queue policy lets the rules send to it (EventBridge needs one, the Serverless
 * Framework leaves it to the user).
 *
 * @see <a
 *     href="https://www.serverless.com/framework/docs/providers/aws/events/event-bridge">EventBridge
 *     events</a>
 */
final class EventRules {
    private static final Set<String> EVENT_BRIDGE_KEYS =
            Set.of(
                    "eventBus",
                    "pattern",
                    "schedule",
                    "input",
                    "inputPath",
                    "inputTransformer",
                    "retryPolicy",
                    "deadLetterQueueArn",
                    "name",
                    "description",
                    "enabled");
    private static final Set<String> SCHEDULE_KEYS =
            Set.of(
                    "rate",
                    "enabled",
                    "input",
                    "inputPath",
                    "inputTransformer",
                    "name",
                    "description");

    private final TemplateSections template;
    private final Findings findings;
    private final Map<String, Integer> counts = new LinkedHashMap<>();

    /** Dead-letter queue logical id → the rules that send to it. */
    private final Map<String, List<String>> deadLetterQueues = new LinkedHashMap<>();

    EventRules(TemplateSections template, Findings findings) {
        this.template = template;
        this.findings = findings;
    }

    void schedule(FunctionContext function, Object value, String where) {
        Map<String, Object> event =
                value instanceof Map<?, ?> ? Tree.map(value) : Intrinsic.map("rate", value);
        if (!findings.onlyKeys(event, SCHEDULE_KEYS, where)) {
            return;
        }
        List<Object> rates =
                event.get("rate") instanceof List<?> l
                        ? Tree.list(l)
                        : List.of(String.valueOf(event.get("rate")));
        for (Object rate : rates) {
            if (!(rate instanceof String r) || !(r.startsWith("rate(") || r.startsWith("cron("))) {
                findings.invalid(
                        where, "a schedule is 'rate(...)' or 'cron(...)', not '" + rate + "'");
                continue;
            }
            int index = next(function.key() + "/schedule");
            String ruleId = LogicalIds.scheduleRule(function.key(), index);
            Map<String, Object> properties =
                    Intrinsic.map("ScheduleExpression", r, "State", state(event));
            common(event, properties);
            properties.put("Targets", List.of(target(function, "Schedule" + index, event)));
            template.resource(ruleId, "AWS::Events::Rule", properties);
            permission(function, LogicalIds.schedulePermission(function.key(), index), ruleId);
        }
    }

    void eventBridge(FunctionContext function, Object value, String where) {
        if (!(value instanceof Map<?, ?>)) {
            findings.invalid(
                    where, "an eventBridge event is a map (pattern, schedule, eventBus, ...)");
            return;
        }
        Map<String, Object> event = Tree.map(value);
        if (!findings.onlyKeys(event, EVENT_BRIDGE_KEYS, where)) {
            return;
        }
        if (event.get("pattern") == null && event.get("schedule") == null) {
            findings.invalid(where, "an eventBridge event needs a pattern or a schedule");
            return;
        }
        int index = next(function.key() + "/eventBridge");
        String ruleId = LogicalIds.eventBridgeRule(function.key(), index);
        Map<String, Object> properties = Intrinsic.map("State", state(event));
        common(event, properties);
        if (event.get("eventBus") != null) {
            properties.put("EventBusName", event.get("eventBus"));
        }
        if (event.get("pattern") != null) {
            properties.put("EventPattern", event.get("pattern"));
        }
        if (event.get("schedule") != null) {
            properties.put("ScheduleExpression", event.get("schedule"));
        }
        Map<String, Object> target = target(function, "EventBridge" + index, event);
        Object dlq = event.get("deadLetterQueueArn");
        if (dlq != null) {
            target.put("DeadLetterConfig", Map.of("Arn", dlq));
            Intrinsic.getAttTarget(dlq)
                    .filter(t -> "AWS::SQS::Queue".equals(template.resourceType(t.get(0))))
                    .ifPresent(
                            t ->
                                    deadLetterQueues
                                            .computeIfAbsent(t.get(0), q -> new ArrayList<>())
                                            .add(ruleId));
        }
        Map<String, Object> retry = Tree.map(event.get("retryPolicy"));
        if (!retry.isEmpty()) {
            Map<String, Object> policy = new LinkedHashMap<>();
            Tree.number(retry.get("maximumEventAge"))
                    .ifPresent(v -> policy.put("MaximumEventAgeInSeconds", v));
            Tree.number(retry.get("maximumRetryAttempts"))
                    .ifPresent(v -> policy.put("MaximumRetryAttempts", v));
            target.put("RetryPolicy", policy);
        }
        properties.put("Targets", List.of(target));
        template.resource(ruleId, "AWS::Events::Rule", properties);
        permission(function, LogicalIds.eventBridgePermission(function.key(), index), ruleId);
    }

    /** Adds the queue policies of the dead-letter queues; call after every function. */
    void addDeadLetterPolicies() {
        deadLetterQueues.forEach(
                (queue, ruleIds) -> {
                    List<Object> sources =
                            ruleIds.stream().map(id -> (Object) Intrinsic.arn(id)).toList();
                    Map<String, Object> statement =
                            Intrinsic.map(
                                    "Sid",
                                    "EventBridgeDeadLetters",
                                    "Effect",
                                    "Allow",
                                    "Principal",
                                    Map.of("Service", "events.amazonaws.com"),
                                    "Action",
                                    "sqs:SendMessage",
                                    "Resource",
                                    Intrinsic.arn(queue),
                                    "Condition",
                                    Map.of("ArnEquals", Map.of("aws:SourceArn", sources)));
                    template.resource(
                            queue + "EventBridgeDeadLetterPolicy",
                            "AWS::SQS::QueuePolicy",
                            Intrinsic.map(
                                    "Queues", List.of(Intrinsic.ref(queue)),
                                    "PolicyDocument",
                                            Intrinsic.map(
                                                    "Version",
                                                    "2012-10-17",
                                                    "Statement",
                                                    List.of(statement))));
                });
    }

    private static String state(Map<String, Object> event) {
        return Boolean.FALSE.equals(event.get("enabled")) ? "DISABLED" : "ENABLED";
    }

    private static void common(Map<String, Object> event, Map<String, Object> properties) {
        if (event.get("name") != null) {
            properties.put("Name", event.get("name"));
        }
        if (event.get("description") != null) {
            properties.put("Description", event.get("description"));
        }
    }

    private static Map<String, Object> target(
            FunctionContext function, String suffix, Map<String, Object> event) {
        String id = function.key() + suffix;
        Map<String, Object> target =
                Intrinsic.map(
                        "Arn", function.arn(), "Id", id.length() > 64 ? id.substring(0, 64) : id);
        Object input = event.get("input");
        if (input != null) {
            target.put("Input", input instanceof String s ? s : Json.compact(input));
        }
        if (event.get("inputPath") != null) {
            target.put("InputPath", event.get("inputPath"));
        }
        Map<String, Object> transformer = Tree.map(event.get("inputTransformer"));
        if (!transformer.isEmpty()) {
            Map<String, Object> t = new LinkedHashMap<>();
            if (transformer.get("inputPathsMap") != null) {
                t.put("InputPathsMap", transformer.get("inputPathsMap"));
            }
            t.put("InputTemplate", transformer.get("inputTemplate"));
            target.put("InputTransformer", t);
        }
        return target;
    }

    private void permission(FunctionContext function, String id, String ruleId) {
        template.resource(
                id,
                "AWS::Lambda::Permission",
                Intrinsic.map(
                        "FunctionName",
                        function.arn(),
                        "Action",
                        "lambda:InvokeFunction",
                        "Principal",
                        "events.amazonaws.com",
                        "SourceArn",
                        Intrinsic.arn(ruleId)));
    }

    private int next(String counter) {
        return counts.merge(counter, 1, Integer::sum);
    }
}
