package cirrus.compile.cfn;

import static cirrus.compile.cfn.Templates.compile;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * State machines as serverless-step-functions deploys them (reference §3.5): function references
 * point at the functions' logical ids, {@code #{X}} becomes {@code ${X}} of an {@code Fn::Sub}, and
 * the role allows what the definition uses.
 */
class StateMachineResourcesTest {
    static String withMachine(String states) {
        return """
                service: cirrus
                provider:
                  stage: dev
                  runtime: python3.12
                functions:
                  publish:
                    handler: h.handler
                    module: lambdas/publish
                  pre-batch:
                    handler: h.handler
                    module: lambdas/pre-batch
                stepFunctions:
                  validate: true
                  stateMachines:
                    my-workflow:
                      name: ${self:service}-${self:provider.stage}-my-workflow
                      definition:
                        StartAt: first
                        States:
                """
                + states.indent(10)
                + """
                resources:
                  Resources:
                    MyJobQueue: {Type: AWS::Batch::JobQueue, Properties: {Priority: 1, ComputeEnvironmentOrder: []}}
                    MyJobDef: {Type: AWS::Batch::JobDefinition, Properties: {Type: container}}
                """;
    }

    static final String MACHINE_ID = "CirrusDashdevDashmyDashworkflow";

    @Test
    void getAttOfAFunctionPointsAtItsLogicalIdInsideAnFnSub() {
        var c =
                compile(
                        withMachine(
                                "first:\n  Type: Task\n  Resource: !GetAtt publish.Arn\n  End: true\n"));

        assertThat(c.findings()).isEmpty();
        Map<String, Object> machine = c.properties(MACHINE_ID);
        assertThat(machine).containsEntry("StateMachineName", "cirrus-dev-my-workflow");
        String definition = (String) Tree.map(machine.get("DefinitionString")).get("Fn::Sub");
        assertThat(definition).contains("\"Resource\": \"${PublishLambdaFunction.Arn}\"");
        assertThat(Tree.map(c.template().get("Outputs"))).containsKey(MACHINE_ID + "Arn");
    }

    @Test
    void hashPlaceholdersBecomeSubstitutionsAndLiteralDollarsAreEscaped() {
        var c =
                compile(
                        withMachine(
                                """
                                first:
                                  Type: Task
                                  Resource: arn:aws:states:::batch:submitJob.sync
                                  Parameters:
                                    JobName: x
                                    JobQueue: "#{MyJobQueue}"
                                    JobDefinition: "#{MyJobDef}"
                                    Parameters:
                                      template: "${collection}/${id}"
                                  End: true
                                """));

        assertThat(c.findings()).isEmpty();
        String definition =
                (String) Tree.map(c.properties(MACHINE_ID).get("DefinitionString")).get("Fn::Sub");
        assertThat(definition)
                .contains("\"JobQueue\": \"${MyJobQueue}\"")
                .contains("\"JobDefinition\": \"${MyJobDef}\"")
                .contains("\"template\": \"${!collection}/${!id}\"");
    }

    @Test
    void aDefinitionWithoutReferencesIsAPlainString() {
        var c =
                compile(
                        withMachine(
                                "first:\n  Type: Pass\n  Result: \"${not-a-variable}\"\n  End: true\n"));

        Object definition = c.properties(MACHINE_ID).get("DefinitionString");
        assertThat(definition)
                .isInstanceOf(String.class)
                .asString()
                .contains("\"Result\": \"${not-a-variable}\"");
        assertThat(c.properties(MACHINE_ID + "Role")).doesNotContainKey("Policies");
    }

    @Test
    void theRoleAllowsExactlyTheInvokesAndBatchSubmitsOfTheDefinition() {
        var c =
                compile(
                        withMachine(
                                """
                                first:
                                  Type: Task
                                  Resource: !GetAtt pre-batch.Arn
                                  Next: batch
                                batch:
                                  Type: Task
                                  Resource: arn:aws:states:::batch:submitJob.sync
                                  Parameters:
                                    JobName: x
                                    JobQueue: "#{MyJobQueue}"
                                    JobDefinition: "#{MyJobDef}"
                                  Next: fan
                                fan:
                                  Type: Parallel
                                  Branches:
                                    - StartAt: pub
                                      States:
                                        pub:
                                          Type: Task
                                          Resource: arn:aws:states:::lambda:invoke
                                          Parameters:
                                            FunctionName: !GetAtt publish.Arn
                                            Payload.$: $
                                          End: true
                                  End: true
                                """));

        assertThat(c.findings()).isEmpty();
        List<Object> statements = statements(c);
        assertThat(Json.compact(statements))
                .isEqualTo(
                        "[{\"Effect\":\"Allow\",\"Action\":[\"lambda:InvokeFunction\"],\"Resource\":["
                                + "{\"Fn::GetAtt\":[\"PreDashbatchLambdaFunction\",\"Arn\"]},{\"Fn::Sub\":\"${PreDashbatchLambdaFunction.Arn}:*\"},"
                                + "{\"Fn::GetAtt\":[\"PublishLambdaFunction\",\"Arn\"]},{\"Fn::Sub\":\"${PublishLambdaFunction.Arn}:*\"}]},"
                                + "{\"Effect\":\"Allow\",\"Action\":[\"batch:SubmitJob\"],\"Resource\":[{\"Ref\":\"MyJobDef\"},{\"Ref\":\"MyJobQueue\"}]},"
                                + "{\"Effect\":\"Allow\",\"Action\":[\"batch:DescribeJobs\",\"batch:TerminateJob\"],\"Resource\":[\"*\"]},"
                                + "{\"Effect\":\"Allow\",\"Action\":[\"events:PutTargets\",\"events:PutRule\",\"events:DescribeRule\"],\"Resource\":["
                                + "{\"Fn::Sub\":\"arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:rule/StepFunctionsGetEventsForBatchJobsRule\"}]}]");
    }

    @Test
    void integrationsInsideAMapAllowTheirQueuesTopicsTablesAndStateMachines() {
        var c =
                compile(
                        withMachine(
                                        """
                                first:
                                  Type: Map
                                  ItemProcessor:
                                    StartAt: send
                                    States:
                                      send:
                                        Type: Task
                                        Resource: arn:aws:states:::sqs:sendMessage
                                        Parameters: {QueueUrl: !Ref Queue, MessageBody.$: $}
                                        Next: notify
                                      notify:
                                        Type: Task
                                        Resource: arn:aws:states:::sns:publish
                                        Parameters: {TopicArn: "#{Topic}", Message.$: $}
                                        Next: store
                                      store:
                                        Type: Task
                                        Resource: arn:aws:states:::dynamodb:putItem
                                        Parameters: {TableName: my-table, Item: {}}
                                        Next: child
                                      child:
                                        Type: Task
                                        Resource: arn:aws:states:::states:startExecution.sync:2
                                        Parameters: {StateMachineArn.$: $.machine}
                                        End: true
                                  End: true
                                """)
                                .replace(
                                        "    MyJobQueue:",
                                        "    Queue: {Type: AWS::SQS::Queue}\n    Topic: {Type: AWS::SNS::Topic}\n    MyJobQueue:"));

        assertThat(c.findings()).isEmpty();
        String statements = Json.compact(statements(c));
        assertThat(statements)
                .contains(
                        "{\"Effect\":\"Allow\",\"Action\":[\"sqs:SendMessage\"],\"Resource\":[{\"Fn::GetAtt\":[\"Queue\",\"Arn\"]}]}")
                .contains(
                        "{\"Effect\":\"Allow\",\"Action\":[\"sns:Publish\"],\"Resource\":[{\"Ref\":\"Topic\"}]}")
                .contains(
                        "\"Action\":[\"dynamodb:PutItem\"],\"Resource\":[{\"Fn::Sub\":\"arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/my-table\"}]")
                .contains(
                        "\"Action\":[\"states:StartExecution\"],\"Resource\":[{\"Fn::Sub\":\"arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:stateMachine:*\"}]")
                .contains("rule/StepFunctionsGetEventsForStepFunctionsExecutionRule");
    }

    @Test
    void aTaskWhosePermissionsCannotBeToldIsReported() {
        var c =
                compile(
                        withMachine(
                                "first:\n  Type: Task\n  Resource: arn:aws:states:::aws-sdk:s3:listBuckets\n  End: true\n"));

        assertThat(c.stack()).as("a warning: the template is still written").isPresent();
        assertThat(c.codes()).containsExactly("CIRRUS-CF007");
        assertThat(c.findings().get(0).message())
                .startsWith(
                        "stepFunctions.stateMachines.my-workflow.definition.States.first: cannot tell");
    }

    @Test
    void aStateMachineWithItsOwnRoleGetsNoGeneratedRole() {
        var c =
                compile(
                        withMachine("first:\n  Type: Pass\n  End: true\n")
                                .replace(
                                        "      definition:",
                                        "      role: arn:aws:iam::123456789012:role/mine\n      definition:"));

        assertThat(c.properties(MACHINE_ID))
                .containsEntry("RoleArn", "arn:aws:iam::123456789012:role/mine");
        assertThat(c.resources()).doesNotContainKey(MACHINE_ID + "Role");
    }

    @Test
    void aReferenceToADisabledFunctionIsAnError() {
        var c =
                compile(
                        withMachine(
                                "first:\n  Type: Task\n  Resource: !GetAtt gone.Arn\n  End: true\n"));

        assertThat(c.codes()).containsExactly("CIRRUS-CF009");
        assertThat(c.findings().get(0).message()).contains("'gone'");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> statements(Templates.Compiled c) {
        Map<String, Object> policy =
                (Map<String, Object>)
                        Tree.list(c.properties(MACHINE_ID + "Role").get("Policies")).get(0);
        return Tree.list(Tree.map(policy.get("PolicyDocument")).get("Statement"));
    }
}
