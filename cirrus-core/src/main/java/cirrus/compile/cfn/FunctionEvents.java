package cirrus.compile.cfn;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A function's {@code events}: {@code sqs} → an event source mapping (and the queue permissions on
 * the function's role); {@code sns} → a subscription and a permission; {@code schedule} and {@code
 * eventBridge} → an EventBridge rule targeting the function, a permission, and for an EventBridge
 * dead-letter queue its queue policy; {@code http} → a route of the {@link RestApi}. Any other
 * event type is an error: it would silently not be deployed.
 *
 * @see <a href="https://www.serverless.com/framework/docs/providers/aws/guide/events">Serverless
 *     events</a>
 */
final class FunctionEvents {
    private static final Set<String> SQS_KEYS =
            Set.of(
                    "arn",
                    "batchSize",
                    "maximumBatchingWindow",
                    "enabled",
                    "functionResponseType",
                    "filterPatterns",
                    "maximumConcurrency");
    private static final Set<String> SNS_KEYS = Set.of("arn", "filterPolicy", "filterPolicyScope");

    private final TemplateSections template;
    private final RestApi api;
    private final EventRules rules;
    private final Findings findings;

    FunctionEvents(TemplateSections template, RestApi api, EventRules rules, Findings findings) {
        this.template = template;
        this.api = api;
        this.rules = rules;
        this.findings = findings;
    }

    /** Compiles every event of {@code function}. */
    void compile(FunctionContext function, List<Object> events) {
        for (int i = 0; i < events.size(); i++) {
            String where = function.path() + ".events[" + i + "]";
            if (!(events.get(i) instanceof Map<?, ?> m) || m.size() != 1) {
                findings.invalid(
                        where, "an event is a map with one key, the event type (sqs, http, ...)");
                continue;
            }
            String type = String.valueOf(m.keySet().iterator().next());
            Object value = m.values().iterator().next();
            switch (type) {
                case "sqs" -> sqs(function, value, where + ".sqs");
                case "sns" -> sns(function, value, where + ".sns");
                case "schedule" -> rules.schedule(function, value, where + ".schedule");
                case "eventBridge" -> rules.eventBridge(function, value, where + ".eventBridge");
                case "http" -> api.add(function, value, where + ".http");
                default ->
                        findings.unsupported(
                                where,
                                "'"
                                        + type
                                        + "' events are not translated to CloudFormation (supported: sqs, sns, schedule, eventBridge, http); deploy with serverless or declare the resources in cloudformation/");
            }
        }
    }

    private void sqs(FunctionContext function, Object value, String where) {
        Map<String, Object> event =
                value instanceof Map<?, ?> && !Intrinsic.is(value)
                        ? Tree.map(value)
                        : Intrinsic.map("arn", value);
        if (!findings.onlyKeys(event, SQS_KEYS, where)) {
            return;
        }
        Object arn = event.get("arn");
        if (arn == null) {
            findings.invalid(where, "the queue 'arn' is missing");
            return;
        }
        String queue = nameOf(arn).orElse("Queue");
        Map<String, Object> properties =
                Intrinsic.map(
                        "BatchSize", Tree.number(event.get("batchSize")).orElse(10L),
                        "EventSourceArn", arn,
                        "FunctionName", function.arn(),
                        "Enabled", !Boolean.FALSE.equals(event.get("enabled")));
        Tree.number(event.get("maximumBatchingWindow"))
                .ifPresent(w -> properties.put("MaximumBatchingWindowInSeconds", w));
        if (event.get("functionResponseType") != null) {
            properties.put("FunctionResponseTypes", List.of(event.get("functionResponseType")));
        }
        if (event.get("filterPatterns") != null) {
            properties.put(
                    "FilterCriteria",
                    Map.of(
                            "Filters",
                            Tree.list(event.get("filterPatterns")).stream()
                                    .map(p -> Map.of("Pattern", Json.compact(p)))
                                    .toList()));
        }
        Tree.number(event.get("maximumConcurrency"))
                .ifPresent(c -> properties.put("ScalingConfig", Map.of("MaximumConcurrency", c)));
        Map<String, Object> mapping =
                template.resource(
                        LogicalIds.sqsMapping(function.key(), queue),
                        "AWS::Lambda::EventSourceMapping",
                        properties);
        if (function.roleId() != null) {
            mapping.put("DependsOn", List.of(function.roleId()));
            function.role()
                    .allow(
                            List.of(
                                    "sqs:ReceiveMessage",
                                    "sqs:DeleteMessage",
                                    "sqs:GetQueueAttributes"),
                            List.of(arn));
        }
    }

    private void sns(FunctionContext function, Object value, String where) {
        Map<String, Object> event =
                value instanceof Map<?, ?> && !Intrinsic.is(value)
                        ? Tree.map(value)
                        : Intrinsic.map("arn", value);
        if (!findings.onlyKeys(event, SNS_KEYS, where)) {
            return;
        }
        Object arn = event.get("arn");
        if (!(arn instanceof String s && s.startsWith("arn:")) && !Intrinsic.is(arn)) {
            findings.unsupported(
                    where,
                    "give the topic ARN (e.g. !Ref MyTopic); topics named here are not created by the CloudFormation target");
            return;
        }
        String topic = nameOf(arn).orElse("Topic");
        Map<String, Object> subscription =
                Intrinsic.map("TopicArn", arn, "Protocol", "lambda", "Endpoint", function.arn());
        if (event.get("filterPolicy") != null) {
            subscription.put("FilterPolicy", event.get("filterPolicy"));
        }
        if (event.get("filterPolicyScope") != null) {
            subscription.put("FilterPolicyScope", event.get("filterPolicyScope"));
        }
        template.resource(
                LogicalIds.snsSubscription(function.key(), topic),
                "AWS::SNS::Subscription",
                subscription);
        template.resource(
                LogicalIds.snsPermission(function.key(), topic),
                "AWS::Lambda::Permission",
                Intrinsic.map(
                        "FunctionName",
                        function.arn(),
                        "Action",
                        "lambda:InvokeFunction",
                        "Principal",
                        "sns.amazonaws.com",
                        "SourceArn",
                        arn));
    }

    /**
     * A name for the queue or topic {@code arn} points at, for logical ids: the logical id of a
     * {@code Ref}/{@code Fn::GetAtt}, the last part of a literal ARN.
     */
    static Optional<String> nameOf(Object arn) {
        Optional<String> target = Intrinsic.target(arn);
        if (target.isPresent()) {
            return target;
        }
        if (arn instanceof String s) {
            return Optional.of(s.substring(s.lastIndexOf(':') + 1));
        }
        if (arn instanceof Map<?, ?> m && m.get("Fn::ImportValue") instanceof String name) {
            return Optional.of(name);
        }
        return Optional.empty();
    }
}
