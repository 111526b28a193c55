package cirrus.aws.operate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import software.amazon.awssdk.services.sqs.model.Message;

import cirrus.aws.config.AwsClients;
import cirrus.aws.dynamodb.DynamoStateStore;
import cirrus.aws.dynamodb.StateTable;
import cirrus.aws.moto.MotoAws;
import cirrus.aws.moto.MotoExtension;
import cirrus.aws.moto.MotoPorts;
import cirrus.aws.moto.MotoServer;
import cirrus.runtime.operate.ExecutionStatus;
import cirrus.runtime.operate.ExecutionTimeline;
import cirrus.runtime.operate.LogSource;
import cirrus.runtime.operate.OperateException;
import cirrus.runtime.operate.OperationsFixture;
import cirrus.runtime.operate.PipelineOperations;
import cirrus.runtime.operate.PipelineOperationsSpec;
import cirrus.runtime.port.LogReader;
import cirrus.runtime.port.StateStore;

/**
 * The operations contract on a deployed stack's services in moto: DynamoDB state table and indexes,
 * SQS process queue, CloudWatch Logs, Step Functions, Batch; and finding them from the stack.
 */
@ExtendWith(MotoExtension.class)
class MotoOperationsTest extends PipelineOperationsSpec {
    private static final String TABLE = "cirrus-dev-state";

    @Override
    protected OperationsFixture.Factory backend() {
        return clock -> {
            MotoServer moto = MotoServer.shared();
            AwsClients clients = MotoAws.clients(moto);
            StateTable.create(clients.dynamoDb(), TABLE);
            String queue = MotoAws.createQueue(clients.sqs(), "cirrus-dev-process");
            DeployedStack stack =
                    new DeployedStack(
                            "cirrus-dev",
                            TABLE,
                            queue,
                            OperationsFixture.PAYLOAD_BUCKET,
                            LogReader.BATCH_LOG_GROUP,
                            Map.of());
            PipelineOperations ops = AwsOperations.of(clients, stack, clock);
            MotoPorts ports = new MotoPorts(moto);
            CloudWatchLogSource logs =
                    new CloudWatchLogSource(clients.logs(), LogReader.BATCH_LOG_GROUP);
            return new OperationsFixture() {
                @Override
                public StateStore states() {
                    return new DynamoStateStore(clients.dynamoDb(), TABLE, clock);
                }

                @Override
                public PipelineOperations operations() {
                    return ops;
                }

                @Override
                public PipelineOperations operations(int pageSize) {
                    return AwsOperations.of(clients, stack, clock, pageSize);
                }

                @Override
                public LogSource logs() {
                    return logs;
                }

                @Override
                public void writeLog(String group, String stream, List<String> lines) {
                    ports.writeLog(group, stream, lines);
                }

                @Override
                public List<String> processQueue() {
                    List<String> bodies = new ArrayList<>();
                    for (int i = 0; i < 20; i++) {
                        List<Message> got =
                                clients.sqs()
                                        .receiveMessage(
                                                r ->
                                                        r.queueUrl(queue)
                                                                .maxNumberOfMessages(10)
                                                                .visibilityTimeout(300))
                                        .messages();
                        if (got.isEmpty()) {
                            break;
                        }
                        got.forEach(m -> bodies.add(m.body()));
                    }
                    return bodies;
                }

                @Override
                public String executionArn(String workflow, String name) {
                    return "arn:aws:states:"
                            + MotoAws.REGION
                            + ":"
                            + MotoAws.ACCOUNT
                            + ":execution:cirrus-dev-"
                            + workflow
                            + ":"
                            + name;
                }

                @Override
                public void close() {
                    ports.close();
                    clients.close();
                }
            };
        };
    }

    @Test
    void aStepFunctionsExecutionHasAStatusAndATimeline() {
        AwsClients clients = MotoAws.clients(MotoServer.shared());
        String machine =
                clients.sfn()
                        .createStateMachine(
                                r ->
                                        r.name("cirrus-dev-cog")
                                                .roleArn(
                                                        MotoAws.createRole(
                                                                MotoServer.shared(), "sfn"))
                                                .definition(
                                                        "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}"))
                        .stateMachineArn();
        String arn =
                clients.sfn()
                        .startExecution(r -> r.stateMachineArn(machine).name("run-1").input("{}"))
                        .executionArn();
        assertThat(ops.execution(arn))
                .hasValueSatisfying(
                        e -> assertThat(e.status()).isNotEqualTo(ExecutionStatus.UNKNOWN));
        ExecutionTimeline timeline = ops.timeline(arn);
        assertThat(timeline.events()).isNotEmpty();
        assertThat(timeline.events().get(0).type()).isEqualTo("ExecutionStarted");
        assertThat(timeline.events()).allSatisfy(e -> assertThat(e.id()).isPositive());
        clients.close();
    }

    @Test
    void theStackIsFoundFromItsResourcesAndTheEnvironmentOfItsFunctions() {
        AwsClients clients = MotoAws.clients(MotoServer.shared());
        String template =
                """
                {"Resources": {
                  "StateTable": {"Type": "AWS::DynamoDB::Table", "Properties": {
                    "TableName": "ops-dev-state",
                    "BillingMode": "PAY_PER_REQUEST",
                    "AttributeDefinitions": [{"AttributeName": "collections_workflow", "AttributeType": "S"},
                                             {"AttributeName": "itemids", "AttributeType": "S"}],
                    "KeySchema": [{"AttributeName": "collections_workflow", "KeyType": "HASH"},
                                  {"AttributeName": "itemids", "KeyType": "RANGE"}]}},
                  "ProcessQueue": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": "ops-dev-process"}},
                  "Payloads": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": "ops-dev-payloads"}}
                },
                "Outputs": {"CirrusProcessQueue": {"Value": {"Ref": "ProcessQueue"}}}}
                """;
        try (var cfn = cloudFormation()) {
            cfn.createStack(r -> r.stackName("ops-dev").templateBody(template));
            DeployedStack stack = DeployedStack.find(cfn, "ops-dev", MotoAws.REGION);
            assertThat(stack.stateTable()).isEqualTo("ops-dev-state");
            assertThat(stack.processQueueUrl()).endsWith("/ops-dev-process");
            assertThat(stack.payloadBucket()).isEqualTo("ops-dev-payloads");
            assertThatThrownBy(() -> DeployedStack.find(cfn, "nope-dev", MotoAws.REGION))
                    .isInstanceOfSatisfying(
                            OperateException.class,
                            e -> {
                                assertThat(e.code())
                                        .isEqualTo(OperateException.Code.STACK_NOT_FOUND);
                                assertThat(e.oneLine())
                                        .contains("no stack nope-dev")
                                        .contains("hint:");
                            });
        }
        clients.close();
    }

    private static software.amazon.awssdk.services.cloudformation.CloudFormationClient
            cloudFormation() {
        MotoServer moto = MotoServer.shared();
        return software.amazon.awssdk.services.cloudformation.CloudFormationClient.builder()
                .region(software.amazon.awssdk.regions.Region.of(MotoAws.REGION))
                .endpointOverride(moto.endpoint())
                .credentialsProvider(
                        software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                                software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(
                                        "test", "test")))
                .httpClient(
                        software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.apiCallTimeout(Duration.ofSeconds(60)))
                .build();
    }
}
