package cirrus.aws.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.CreateStackRequest;
import software.amazon.awssdk.services.cloudformation.model.CreateStackResponse;
import software.amazon.awssdk.services.cloudformation.model.DescribeStackEventsRequest;
import software.amazon.awssdk.services.cloudformation.model.DescribeStackEventsResponse;
import software.amazon.awssdk.services.cloudformation.model.DescribeStacksRequest;
import software.amazon.awssdk.services.cloudformation.model.DescribeStacksResponse;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.UpdateStackRequest;
import software.amazon.awssdk.services.cloudformation.model.UpdateStackResponse;

/**
 * Waiting for a stack and reporting its outcome, against a CloudFormation that replays the status
 * and event sequences AWS produces for failed operations (moto, used for the happy paths in the
 * CLI's deploy test, fails requests instead of rolling stacks back).
 */
class StackDeployerTest {
    static final String STACK = "cirrus-dev";
    static final Instant T = Instant.parse("2026-11-25T10:00:00Z");

    /** A CloudFormation whose stack goes through {@code statuses}, one per describe. */
    static final class Replay implements CloudFormationClient {
        final Deque<String> statuses = new ArrayDeque<>();
        final List<software.amazon.awssdk.services.cloudformation.model.StackEvent> events =
                new ArrayList<>();
        List<Parameter> existingParameters = List.of();
        boolean exists;
        CreateStackRequest created;
        UpdateStackRequest updated;
        String refuseUpdate;
        Runnable onUpdate = () -> {};
        int second;

        Replay event(String id, String type, String status, String reason) {
            events.add(
                    0,
                    software.amazon.awssdk.services.cloudformation.model.StackEvent.builder()
                            .timestamp(T.plusSeconds(second++))
                            .logicalResourceId(id)
                            .resourceType(type)
                            .resourceStatus(status)
                            .resourceStatusReason(reason)
                            .build());
            return this;
        }

        @Override
        public DescribeStacksResponse describeStacks(DescribeStacksRequest request) {
            if (!exists) {
                throw (CloudFormationException)
                        CloudFormationException.builder()
                                .awsErrorDetails(
                                        AwsErrorDetails.builder()
                                                .errorMessage(
                                                        "Stack with id "
                                                                + STACK
                                                                + " does not exist")
                                                .build())
                                .build();
            }
            String status = statuses.size() > 1 ? statuses.poll() : statuses.peek();
            return DescribeStacksResponse.builder()
                    .stacks(
                            Stack.builder()
                                    .stackName(STACK)
                                    .stackStatus(status)
                                    .parameters(existingParameters)
                                    .outputs(
                                            Output.builder()
                                                    .outputKey("CirrusProcessQueue")
                                                    .outputValue("https://queue")
                                                    .build())
                                    .build())
                    .build();
        }

        @Override
        public DescribeStackEventsResponse describeStackEvents(DescribeStackEventsRequest request) {
            int from = request.nextToken() == null ? 0 : Integer.parseInt(request.nextToken());
            int to = Math.min(from + 2, events.size()); // pages of 2, to exercise paging
            return DescribeStackEventsResponse.builder()
                    .stackEvents(events.subList(from, to))
                    .nextToken(to < events.size() ? Integer.toString(to) : null)
                    .build();
        }

        RuntimeException failCreate;

        @Override
        public CreateStackResponse createStack(CreateStackRequest request) {
            created = request;
            if (failCreate != null) {
                throw failCreate;
            }
            exists = true;
            return CreateStackResponse.builder().stackId("id").build();
        }

        @Override
        public UpdateStackResponse updateStack(UpdateStackRequest request) {
            updated = request;
            onUpdate.run();
            if (refuseUpdate != null) {
                throw (CloudFormationException)
                        CloudFormationException.builder()
                                .awsErrorDetails(
                                        AwsErrorDetails.builder()
                                                .errorMessage(refuseUpdate)
                                                .build())
                                .build();
            }
            return UpdateStackResponse.builder().stackId("id").build();
        }

        @Override
        public String serviceName() {
            return "cloudformation";
        }

        @Override
        public void close() {}
    }

    final List<String> progress = new ArrayList<>();

    StackDeployer deployer(Replay cfn) {
        return new StackDeployer(cfn, Duration.ofMillis(1), Duration.ofSeconds(10), progress::add);
    }

    @Test
    void createAndUpdateCarryOneClientRequestTokenSoSdkRetriesAreIdempotent() {
        Replay cfn = new Replay();
        cfn.statuses.add("CREATE_COMPLETE");
        deployer(cfn).deploy(STACK, "https://t", Map.of(), Set.of());
        assertThat(cfn.created.clientRequestToken()).startsWith("cirrus-deploy-");

        cfn.statuses.clear();
        cfn.statuses.add("UPDATE_COMPLETE");
        deployer(cfn).deploy(STACK, "https://t", Map.of(), Set.of());
        assertThat(cfn.updated.clientRequestToken())
                .startsWith("cirrus-deploy-")
                .isNotEqualTo(cfn.created.clientRequestToken());
    }

    @Test
    void aRetriedCreateReportsTheFirstErrorNotAlreadyExists() {
        Replay cfn = new Replay();
        CloudFormationException first =
                (CloudFormationException)
                        CloudFormationException.builder()
                                .statusCode(503)
                                .awsErrorDetails(
                                        AwsErrorDetails.builder()
                                                .errorMessage("Service Unavailable")
                                                .build())
                                .build();
        CloudFormationException last =
                (CloudFormationException)
                        CloudFormationException.builder()
                                .statusCode(400)
                                .awsErrorDetails(
                                        AwsErrorDetails.builder()
                                                .errorCode("AlreadyExistsException")
                                                .errorMessage("Stack [cirrus-dev] already exists")
                                                .build())
                                .build();
        last.addSuppressed(first);
        cfn.failCreate = last;

        assertThatThrownBy(() -> deployer(cfn).deploy(STACK, "https://t", Map.of(), Set.of()))
                .hasMessageStartingWith(
                        "CloudFormation refused to create stack cirrus-dev: Service Unavailable"
                                + " (HTTP 503; the retry then said: Stack [cirrus-dev] already"
                                + " exists)");
    }

    @Test
    void aCreateWaitsForTheStackAndReturnsItsOutputs() {
        Replay cfn = new Replay();
        cfn.statuses.addAll(List.of("CREATE_IN_PROGRESS", "CREATE_IN_PROGRESS", "CREATE_COMPLETE"));

        var result =
                deployer(cfn)
                        .deploy(
                                STACK,
                                "https://b.s3.us-east-1.amazonaws.com/t.json",
                                Map.of("LambdaCodeBucket", "b"),
                                Set.of("LambdaCodeBucket"));

        assertThat(result.status()).isEqualTo("CREATE_COMPLETE");
        assertThat(result.outputs()).containsEntry("CirrusProcessQueue", "https://queue");
        assertThat(cfn.created.templateURL())
                .isEqualTo("https://b.s3.us-east-1.amazonaws.com/t.json");
        assertThat(cfn.created.capabilitiesAsStrings())
                .contains("CAPABILITY_IAM", "CAPABILITY_NAMED_IAM");
    }

    @Test
    void aFailedUpdateNamesItsFirstFailingResourceAndSaysThePreviousVersionIsBack() {
        Replay cfn = new Replay();
        cfn.exists = true;
        cfn.event(STACK, "AWS::CloudFormation::Stack", "CREATE_COMPLETE", null);
        cfn.statuses.addAll(
                List.of("CREATE_COMPLETE", "UPDATE_IN_PROGRESS", "UPDATE_ROLLBACK_COMPLETE"));
        StackDeployer deployer = deployer(cfn);
        // the events CloudFormation writes while the update runs and rolls back
        cfn.onUpdate =
                () ->
                        cfn.event(
                                        STACK,
                                        "AWS::CloudFormation::Stack",
                                        "UPDATE_IN_PROGRESS",
                                        "User Initiated")
                                .event(
                                        "ProcessQueue",
                                        "AWS::SQS::Queue",
                                        "UPDATE_IN_PROGRESS",
                                        null)
                                .event(
                                        "LambdaAsBatchJob",
                                        "AWS::Batch::JobDefinition",
                                        "UPDATE_FAILED",
                                        "Image is not valid")
                                .event(
                                        "ProcessQueue",
                                        "AWS::SQS::Queue",
                                        "UPDATE_FAILED",
                                        "Resource update cancelled")
                                .event(
                                        STACK,
                                        "AWS::CloudFormation::Stack",
                                        "UPDATE_ROLLBACK_COMPLETE",
                                        null);

        assertThatThrownBy(() -> deployer.deploy(STACK, "url", Map.of(), Set.of()))
                .isInstanceOf(DeployException.class)
                .hasMessage(
                        "stack cirrus-dev UPDATE_ROLLBACK_COMPLETE; first failure: LambdaAsBatchJob (AWS::Batch::JobDefinition) UPDATE_FAILED: Image is not valid;"
                                + " the previous version of the stack is in place")
                .extracting(e -> ((DeployException) e).code())
                .isEqualTo(DeployException.FAILED);
        assertThat(progress)
                .contains(
                        "  UPDATE_FAILED  AWS::Batch::JobDefinition  LambdaAsBatchJob  Image is not valid");
    }

    @Test
    void anUpdateKeepsThePreviousValueOfParametersNotGiven() {
        Replay cfn = new Replay();
        cfn.exists = true;
        cfn.existingParameters =
                List.of(
                        Parameter.builder().parameterKey("Owner").parameterValue("team-a").build(),
                        Parameter.builder().parameterKey("Gone").parameterValue("x").build());
        cfn.statuses.addAll(List.of("UPDATE_COMPLETE", "UPDATE_COMPLETE"));

        deployer(cfn)
                .deploy(
                        STACK,
                        "url",
                        Map.of("LambdaCodeBucket", "b"),
                        Set.of("LambdaCodeBucket", "Owner"));

        assertThat(cfn.updated.parameters())
                .containsExactlyInAnyOrder(
                        Parameter.builder()
                                .parameterKey("LambdaCodeBucket")
                                .parameterValue("b")
                                .build(),
                        Parameter.builder().parameterKey("Owner").usePreviousValue(true).build());
    }

    @Test
    void nothingToUpdateIsASuccessWithoutChanges() {
        Replay cfn = new Replay();
        cfn.exists = true;
        cfn.statuses.add("UPDATE_COMPLETE");
        cfn.refuseUpdate = "No updates are to be performed.";

        var result = deployer(cfn).deploy(STACK, "url", Map.of(), Set.of());

        assertThat(result.changed()).isFalse();
        assertThat(result.status()).isEqualTo("UPDATE_COMPLETE");
        assertThat(progress).contains("No changes to deploy");
    }

    @Test
    void aStackWhoseCreationFailedOrThatIsBusyIsNotTouched() {
        Replay failed = new Replay();
        failed.exists = true;
        failed.statuses.add("ROLLBACK_COMPLETE");
        assertThatThrownBy(() -> deployer(failed).deploy(STACK, "url", Map.of(), Set.of()))
                .hasMessageContaining("ROLLBACK_COMPLETE after a failed first creation")
                .hasMessageContaining("aws cloudformation delete-stack --stack-name cirrus-dev")
                .extracting(e -> ((DeployException) e).code())
                .isEqualTo(DeployException.STACK_STATE);
        assertThat(failed.updated).isNull();

        Replay busy = new Replay();
        busy.exists = true;
        busy.statuses.add("UPDATE_IN_PROGRESS");
        assertThatThrownBy(() -> deployer(busy).deploy(STACK, "url", Map.of(), Set.of()))
                .hasMessageContaining("is busy (UPDATE_IN_PROGRESS)");
    }

    @Test
    void aStackThatDoesNotFinishInTimeIsReportedAndLeftRunning() {
        Replay cfn = new Replay();
        cfn.statuses.add("CREATE_IN_PROGRESS");
        StackDeployer impatient =
                new StackDeployer(cfn, Duration.ofMillis(5), Duration.ofMillis(50), progress::add);

        assertThatThrownBy(() -> impatient.deploy(STACK, "url", Map.of(), Set.of()))
                .hasMessageContaining("is still CREATE_IN_PROGRESS after")
                .extracting(e -> ((DeployException) e).code())
                .isEqualTo(DeployException.TIMEOUT);
    }
}
