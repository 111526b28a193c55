package cirrus.compile.cfn;

import static cirrus.compile.cfn.Templates.compile;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** A function's events as the Serverless Framework deploys them. */
class FunctionEventsTest {
    static String withEvents(String events) {
        return """
                service: svc
                provider:
                  stage: dev
                  runtime: python3.12
                functions:
                  fn:
                    handler: h.handler
                    module: lambdas/fn
                    events:
                """
                + events.indent(6)
                + """
                resources:
                  Resources:
                    Queue: {Type: AWS::SQS::Queue}
                    DeadLetters: {Type: AWS::SQS::Queue}
                    Topic: {Type: AWS::SNS::Topic}
                """;
    }

    @Test
    void anSqsEventBecomesAnEventSourceMappingAndTheRoleMayConsumeTheQueue() {
        var c = compile(withEvents("- sqs:\n    arn: !GetAtt Queue.Arn\n    batchSize: 5\n"));

        assertThat(c.findings()).isEmpty();
        assertThat(c.properties("FnEventSourceMappingSQSQueue"))
                .containsEntry("BatchSize", 5L)
                .containsEntry("EventSourceArn", Map.of("Fn::GetAtt", List.of("Queue", "Arn")))
                .containsEntry(
                        "FunctionName", Map.of("Fn::GetAtt", List.of("FnLambdaFunction", "Arn")))
                .containsEntry("Enabled", true);
        assertThat(c.resource("FnEventSourceMappingSQSQueue"))
                .containsEntry("DependsOn", List.of("FnIamRoleLambdaExecution"));
        assertThat(Json.compact(c.properties("FnIamRoleLambdaExecution")))
                .contains(
                        "{\"Effect\":\"Allow\",\"Action\":[\"sqs:ReceiveMessage\",\"sqs:DeleteMessage\",\"sqs:GetQueueAttributes\"],\"Resource\":[{\"Fn::GetAtt\":[\"Queue\",\"Arn\"]}]}");
    }

    @Test
    void anEventBridgeEventBecomesARuleWithRetryDeadLettersAndAPermission() {
        var c =
                compile(
                        withEvents(
                                """
                                - eventBridge:
                                    pattern:
                                      source: [aws.states]
                                    deadLetterQueueArn: !GetAtt DeadLetters.Arn
                                    retryPolicy:
                                      maximumEventAge: 1800
                                """));

        assertThat(c.findings()).isEmpty();
        Map<String, Object> rule = c.properties("FnEventBridgeRule1");
        assertThat(rule)
                .containsEntry("State", "ENABLED")
                .containsEntry("EventPattern", Map.of("source", List.of("aws.states")));
        assertThat(Json.compact(rule.get("Targets")))
                .isEqualTo(
                        "[{\"Arn\":{\"Fn::GetAtt\":[\"FnLambdaFunction\",\"Arn\"]},\"Id\":\"fnEventBridge1\","
                                + "\"DeadLetterConfig\":{\"Arn\":{\"Fn::GetAtt\":[\"DeadLetters\",\"Arn\"]}},"
                                + "\"RetryPolicy\":{\"MaximumEventAgeInSeconds\":1800}}]");
        assertThat(c.properties("FnEventBridgeLambdaPermission1"))
                .containsEntry("Principal", "events.amazonaws.com")
                .containsEntry(
                        "SourceArn", Map.of("Fn::GetAtt", List.of("FnEventBridgeRule1", "Arn")));
        assertThat(Json.compact(c.properties("DeadLettersEventBridgeDeadLetterPolicy")))
                .as("EventBridge may send to the dead-letter queue, from this rule only")
                .contains("\"Principal\":{\"Service\":\"events.amazonaws.com\"}")
                .contains("\"aws:SourceArn\":[{\"Fn::GetAtt\":[\"FnEventBridgeRule1\",\"Arn\"]}]");
    }

    @Test
    void aScheduleBecomesARuleAndAPermission() {
        var c =
                compile(
                        withEvents(
                                "- schedule: rate(1 hour)\n- schedule:\n    rate: cron(0 12 * * ? *)\n    enabled: false\n    input: {a: 1}\n"));

        assertThat(c.findings()).isEmpty();
        assertThat(c.properties("FnEventsRuleSchedule1"))
                .containsEntry("ScheduleExpression", "rate(1 hour)")
                .containsEntry("State", "ENABLED");
        assertThat(c.properties("FnEventsRuleSchedule2")).containsEntry("State", "DISABLED");
        assertThat(Json.compact(c.properties("FnEventsRuleSchedule2").get("Targets")))
                .contains("\"Input\":\"{\\\"a\\\":1}\"");
        assertThat(c.resources())
                .containsKeys(
                        "FnLambdaPermissionEventsRuleSchedule1",
                        "FnLambdaPermissionEventsRuleSchedule2");
    }

    @Test
    void anSnsEventSubscribesTheFunction() {
        var c = compile(withEvents("- sns: !Ref Topic\n"));

        assertThat(c.findings()).isEmpty();
        assertThat(c.properties("FnSnsSubscriptionTopic"))
                .containsEntry("TopicArn", Map.of("Ref", "Topic"))
                .containsEntry("Protocol", "lambda");
        assertThat(c.properties("FnLambdaPermissionTopicSNS"))
                .containsEntry("Principal", "sns.amazonaws.com");
    }

    @Test
    void httpEventsOfAllFunctionsShareOneRestApi() {
        var c =
                compile(
                        withEvents(
                                "- http: GET /\n- http: GET /{proxy+}\n- http:\n    method: post\n    path: items/{id}\n"));

        assertThat(c.findings()).isEmpty();
        assertThat(c.resources())
                .containsKeys(
                        "ApiGatewayRestApi",
                        "ApiGatewayMethodGet",
                        "ApiGatewayResourceProxyVar",
                        "ApiGatewayMethodProxyVarGet",
                        "ApiGatewayResourceItems",
                        "ApiGatewayResourceItemsIdVar",
                        "ApiGatewayMethodItemsIdVarPost",
                        "FnLambdaPermissionApiGateway");
        assertThat(c.properties("ApiGatewayMethodGet"))
                .containsEntry(
                        "ResourceId",
                        Map.of("Fn::GetAtt", List.of("ApiGatewayRestApi", "RootResourceId")))
                .containsEntry("HttpMethod", "GET");
        assertThat(c.properties("ApiGatewayResourceItemsIdVar"))
                .containsEntry("ParentId", Map.of("Ref", "ApiGatewayResourceItems"))
                .containsEntry("PathPart", "{id}");
        assertThat(c.resources().keySet())
                .filteredOn(id -> id.startsWith("ApiGatewayDeployment"))
                .hasSize(1);
        assertThat(Tree.map(c.template().get("Outputs"))).containsKey("ServiceEndpoint");
    }

    @Test
    void theDeploymentOfTheApiChangesWhenItsRoutesDo() {
        String one = deploymentId(compile(withEvents("- http: GET /\n")));
        String same = deploymentId(compile(withEvents("- http: GET /\n")));
        String other = deploymentId(compile(withEvents("- http: GET /\n- http: GET /x\n")));

        assertThat(one).isEqualTo(same).isNotEqualTo(other);
    }

    private static String deploymentId(Templates.Compiled c) {
        return c.resources().keySet().stream()
                .filter(id -> id.startsWith("ApiGatewayDeployment"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void anEventTypeWithoutTranslationIsAnError() {
        var c = compile(withEvents("- s3: my-bucket\n"));

        assertThat(c.stack()).isEmpty();
        assertThat(c.codes()).containsExactly("CIRRUS-CF002");
        assertThat(c.findings().get(0).message())
                .startsWith("functions.fn.events[0]: 's3' events are not translated");
    }

    @Test
    void anUnknownKeyOfAnEventIsAnError() {
        var c = compile(withEvents("- sqs:\n    arn: !GetAtt Queue.Arn\n    batchSizee: 5\n"));

        assertThat(c.codes()).containsExactly("CIRRUS-CF002");
        assertThat(c.findings().get(0).message())
                .startsWith("functions.fn.events[0].sqs.batchSizee: not translated");
    }
}
