package cirrus.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;

import cirrus.aws.config.AwsClients;
import cirrus.aws.moto.MotoAws;
import cirrus.aws.moto.MotoExtension;
import cirrus.aws.moto.MotoServer;
import cirrus.cli.Cli;
import cirrus.cli.Environment;
import cirrus.cli.ExitCode;

/**
 * {@code cirrus deploy} of a fresh project ({@code cirrus init}) to moto_server: the stack is
 * created and every kind of resource exists through its own service's API; a changed job definition
 * updates the stack; a project with errors or a refused update changes nothing.
 */
@ExtendWith(MotoExtension.class)
class DeployCommandTest {
    static final String STACK = "cirrus-dev";

    @TempDir Path dir;
    Path project;
    Map<String, String> env = new HashMap<>();
    String out;
    String err;

    @BeforeEach
    void init() throws IOException {
        project = Files.createDirectories(dir.resolve("proj"));
        assertThat(run("init", project.toString())).isEqualTo(ExitCode.OK);
        env.put(BuildCommand.LAMBDA_JAR, builtinsJar().toString());
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
    }

    /**
     * A stand-in for the builtin functions' jar: moto stores Lambda code without running it, and
     * the real one (24 MB) is not built before this module's tests run under {@code mvn test}.
     */
    Path builtinsJar() throws IOException {
        Path jar = dir.resolve("cirrus-aws-lambda.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().putValue("Manifest-Version", "1.0");
        try (OutputStream o = Files.newOutputStream(jar);
                JarOutputStream j = new JarOutputStream(o, manifest)) {
            j.putNextEntry(new java.util.zip.ZipEntry("cirrus/README"));
            j.write("stand-in".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return jar;
    }

    int run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code =
                Cli.run(
                        args,
                        new PrintWriter(o),
                        new PrintWriter(e),
                        new Environment(project == null ? dir : project, env));
        out = o.toString();
        err = e.toString();
        return code;
    }

    int deploy(MotoServer moto) {
        return run(
                "deploy", "--region", MotoAws.REGION, "--endpoint-url", moto.endpoint().toString());
    }

    static CloudFormationClient cloudFormation(MotoServer moto) {
        return CloudFormationClient.builder()
                .region(Region.of(MotoAws.REGION))
                .endpointOverride(moto.endpoint())
                .credentialsProvider(
                        StaticCredentialsProvider.create(
                                AwsBasicCredentials.create("test", "test")))
                .build();
    }

    static LambdaClient lambda(MotoServer moto) {
        return LambdaClient.builder()
                .region(Region.of(MotoAws.REGION))
                .endpointOverride(moto.endpoint())
                .credentialsProvider(
                        StaticCredentialsProvider.create(
                                AwsBasicCredentials.create("test", "test")))
                .build();
    }

    static Stack stack(CloudFormationClient cfn) {
        return cfn.describeStacks(r -> r.stackName(STACK)).stacks().get(0);
    }

    @Test
    void theInitProjectDeploysAndEveryResourceExistsThroughItsOwnApi(MotoServer moto)
            throws IOException {
        assertThat(deploy(moto)).as(err).isEqualTo(ExitCode.OK);

        assertThat(out)
                .startsWith("Stack cirrus-dev: CREATE_COMPLETE\nOutputs:\n")
                .contains(
                        "CirrusProcessQueue",
                        "ServiceEndpoint",
                        "CirrusDashdevDashpublishDashonlyArn");
        assertThat(err).contains("Creating stack cirrus-dev", "Uploaded cirrus-builtins.jar");
        assertThat(project.resolve(".cirrus/build/cloudformation.json")).exists();
        try (CloudFormationClient cfn = cloudFormation(moto);
                LambdaClient lambda = lambda(moto);
                AwsClients aws = MotoAws.clients(moto)) {
            assertThat(stack(cfn).stackStatusAsString()).isEqualTo("CREATE_COMPLETE");
            moto.configure(MotoServer.CLOUDFORMATION_VIEW_CONFIG);
            try {
                assertThat(lambda.listFunctions().functions())
                        .extracting(FunctionConfiguration::functionName)
                        .containsExactlyInAnyOrder(
                                "cirrus-dev-api",
                                "cirrus-dev-process",
                                "cirrus-dev-update-state",
                                "cirrus-dev-feed-rerun",
                                "cirrus-dev-pre-batch",
                                "cirrus-dev-post-batch",
                                "cirrus-dev-publish");
                assertThat(
                                lambda.getFunction(r -> r.functionName("cirrus-dev-process"))
                                        .configuration()
                                        .runtimeAsString())
                        .isEqualTo("java21");
                assertThat(lambda.listEventSourceMappings().eventSourceMappings())
                        .extracting(m -> m.eventSourceArn())
                        .containsExactly("arn:aws:sqs:us-east-1:123456789012:cirrus-dev-process");
                assertThat(aws.sfn().listStateMachines().stateMachines())
                        .extracting(m -> m.name())
                        .containsExactly("cirrus-dev-publish-only");
            } finally {
                moto.configure(MotoServer.DEFAULT_CONFIG);
            }
            assertThat(aws.sqs().listQueues().queueUrls())
                    .extracting(u -> u.substring(u.lastIndexOf('/') + 1))
                    .containsExactlyInAnyOrder(
                            "cirrus-dev-process",
                            "cirrus-dev-process-dead-letter",
                            "cirrus-dev-update-state-dead-letter");
            assertThat(aws.sns().listTopics().topics())
                    .extracting(t -> t.topicArn().substring(t.topicArn().lastIndexOf(':') + 1))
                    .containsExactlyInAnyOrder(
                            "cirrus-dev-publish", "cirrus-dev-workflow-event", "cirrus-dev-failed");
            assertThat(aws.dynamoDb().listTables().tableNames())
                    .containsExactly("cirrus-dev-state");
            assertThat(aws.batch().describeJobQueues().jobQueues())
                    .extracting(q -> q.jobQueueName())
                    .containsExactlyInAnyOrder(
                            "cirrus-dev-basic-ondemand", "cirrus-dev-basic-spot");
            assertThat(aws.batch().describeComputeEnvironments().computeEnvironments())
                    .extracting(c -> c.computeEnvironmentName())
                    .containsExactlyInAnyOrder(
                            "cirrus-dev-basic-ondemand", "cirrus-dev-basic-spot");
            assertThat(aws.batch().describeJobDefinitions(r -> r.status("ACTIVE")).jobDefinitions())
                    .extracting(d -> d.jobDefinitionName())
                    .containsExactlyInAnyOrder(
                            "cirrus-dev-lambda-as-batch", "cirrus-dev-geolambda-as-batch");
            assertThat(aws.s3().listBuckets().buckets())
                    .extracting(b -> b.name())
                    .contains("cirrus-deploy-123456789012-us-east-1");
        }
    }

    @Test
    void aChangedJobDefinitionUpdatesTheStackAndAnUnchangedProjectChangesNothing(MotoServer moto)
            throws IOException {
        Files.writeString(
                project.resolve("cloudformation/owner.yml"),
                "Parameters:\n  Owner:\n    Type: String\nOutputs:\n  StackOwner:\n    Value: !Ref Owner\n");
        assertThat(
                        run(
                                "deploy",
                                "--region",
                                MotoAws.REGION,
                                "--endpoint-url",
                                moto.endpoint().toString(),
                                "--parameter",
                                "Owner=team-a"))
                .as(err)
                .isEqualTo(ExitCode.OK);
        assertThat(out).contains("StackOwner").contains("team-a");
        Path cirrusYml = project.resolve("cirrus.yml");
        String config = Files.readString(cirrusYml);
        String lambdaAsBatchJob = "    LambdaAsBatchJob:\n      Memory: 2048\n";
        assertThat(config).contains(lambdaAsBatchJob);
        Files.writeString(
                cirrusYml,
                config.replace(lambdaAsBatchJob, "    LambdaAsBatchJob:\n      Memory: 4096\n"));

        assertThat(deploy(moto)).as(err).isEqualTo(ExitCode.OK);

        assertThat(out)
                .startsWith("Stack cirrus-dev: UPDATE_COMPLETE\n")
                .as("a parameter not given keeps its value")
                .contains("team-a");
        assertThat(err).contains("Updating stack cirrus-dev").doesNotContain("Uploaded");
        try (CloudFormationClient cfn = cloudFormation(moto)) {
            assertThat(stack(cfn).stackStatusAsString()).isEqualTo("UPDATE_COMPLETE");
            String deployed = cfn.getTemplate(r -> r.stackName(STACK)).templateBody();
            // moto 5.2.1 records the new template but never updates Batch resources from
            // CloudFormation
            assertThat(deployed.replaceAll("\\s", ""))
                    .contains(
                            "\"JobDefinitionName\":{\"Fn::Sub\":\"${AWS::StackName}-lambda-as-batch\"},\"Type\":\"Container\"");
            assertThat(deployed).contains("4096");
        }

        assertThat(deploy(moto)).as(err).isEqualTo(ExitCode.OK);
        assertThat(out).startsWith("Stack cirrus-dev: UPDATE_COMPLETE (no changes)\n");
        assertThat(err).contains("No changes to deploy");
    }

    @Test
    void aProjectWithErrorsIsNotDeployed(MotoServer moto) throws IOException {
        Path workflow = Files.createDirectories(project.resolve("workflows/broken"));
        Files.writeString(
                workflow.resolve("definition.yml"),
                "name: ${self:service}-${self:provider.stage}-broken\ndefinition:\n  StartAt: a\n  States:\n    a:\n      Type: Task\n      Resource: !GetAtt no-such-function.Arn\n      End: true\n");

        assertThat(deploy(moto)).isEqualTo(ExitCode.ERROR);

        assertThat(err)
                .contains("error[CIRRUS-CF009]", "'no-such-function'")
                .contains(
                        "error[CIRRUS-D000] the project has errors (above), so nothing was deployed");
        try (CloudFormationClient cfn = cloudFormation(moto)) {
            assertThat(cfn.describeStacks().stacks()).isEmpty();
        }
    }

    @Test
    void aRefusedUpdateIsReportedAndLeavesThePreviousStackInPlace(MotoServer moto)
            throws IOException {
        assertThat(deploy(moto)).as(err).isEqualTo(ExitCode.OK);
        Files.writeString(
                project.resolve("cloudformation/broken.yml"),
                "Resources:\n  BrokenQueue:\n    Type: AWS::Batch::JobQueue\n    Properties:\n      Priority: 1\n      ComputeEnvironmentOrder:\n"
                        + "        - Order: 1\n          ComputeEnvironment: arn:aws:batch:us-east-1:123456789012:compute-environment/none\n");

        assertThat(deploy(moto)).isEqualTo(ExitCode.ERROR);

        assertThat(err)
                .contains(
                        "error[CIRRUS-D003]",
                        "stack cirrus-dev",
                        "computeEnvironmentOrder is malformed");
        try (CloudFormationClient cfn = cloudFormation(moto);
                AwsClients aws = MotoAws.clients(moto)) {
            assertThat(stack(cfn).stackStatusAsString()).isEqualTo("CREATE_COMPLETE");
            assertThat(aws.batch().describeJobQueues().jobQueues())
                    .extracting(q -> q.jobQueueName())
                    .doesNotContain("BrokenQueue")
                    .hasSize(2);
        }
        assertThat(List.of(out)).containsExactly("");
    }
}
