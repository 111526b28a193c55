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

    /**
     * The cirrus runtime requirements every Python Lambda gets, as local wheels: pip installs them
     * offline through {@code CIRRUS_PIP}, a script that adds {@code --no-index --find-links}.
     */
    Path offlinePip() throws IOException {
        Path wheels = Files.createDirectories(dir.resolve("wheels"));
        wheel(wheels, "boto3_utils", "0.4.1", "boto3utils");
        wheel(wheels, "boto3", "1.26.0", "boto3");
        wheel(wheels, "jsonpath_ng", "1.5.3", "jsonpath_ng");
        wheel(wheels, "python_dateutil", "2.9.0", "dateutil");
        wheel(wheels, "python_json_logger", "2.0.7", "pythonjsonlogger");
        Path pip = dir.resolve("offline-pip");
        Files.writeString(
                pip,
                "#!/bin/sh\nexec python3 -m pip \"$@\" --no-index --find-links " + wheels + "\n");
        pip.toFile().setExecutable(true);
        return pip;
    }

    static void wheel(Path dir, String project, String version, String module) throws IOException {
        String info = project + "-" + version + ".dist-info/";
        Path wheel = dir.resolve(project + "-" + version + "-py3-none-any.whl");
        try (OutputStream o = Files.newOutputStream(wheel);
                java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(o)) {
            for (String[] entry :
                    new String[][] {
                        {module + "/__init__.py", "VERSION = '" + version + "'\n"},
                        {
                            info + "METADATA",
                            "Metadata-Version: 2.1\nName: "
                                    + project.replace('_', '-')
                                    + "\nVersion: "
                                    + version
                                    + "\n"
                        },
                        {
                            info + "WHEEL",
                            "Wheel-Version: 1.0\nGenerator: cirrus-test\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
                        },
                        {
                            info + "RECORD",
                            module
                                    + "/__init__.py,,\n"
                                    + info
                                    + "METADATA,,\n"
                                    + info
                                    + "WHEEL,,\n"
                                    + info
                                    + "RECORD,,\n"
                        }
                    }) {
                zip.putNextEntry(new java.util.zip.ZipEntry(entry[0]));
                zip.write(entry[1].getBytes(java.nio.charset.StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
    }

    @Test
    void aPythonTaskIsZippedWithItsRequirementsAndDeployed(MotoServer moto) throws IOException {
        assertThat(run("create", "task", "-t", "lambda", "my-task", "A", "task"))
                .as(err)
                .isEqualTo(ExitCode.OK);
        env.put(DeployCommand.PIP, offlinePip().toString());

        assertThat(deploy(moto)).as(err).isEqualTo(ExitCode.OK);

        assertThat(err)
                .contains(
                        "Installing the requirements of my-task with pip",
                        "Slimmed my-task: ",
                        "Uploaded my-task.zip");
        try (java.util.zip.ZipFile zip =
                new java.util.zip.ZipFile(
                        project.resolve(".cirrus/build/deploy/my-task.zip").toFile())) {
            assertThat(zip.stream().map(java.util.zip.ZipEntry::getName).toList())
                    .contains(
                            "lambda_function.py",
                            "requirements.txt",
                            "boto3/__init__.py",
                            "dateutil/__init__.py",
                            "pythonjsonlogger/__init__.py");
        }
        try (LambdaClient lambda = lambda(moto)) {
            moto.configure(MotoServer.CLOUDFORMATION_VIEW_CONFIG);
            try {
                var fn =
                        lambda.getFunction(r -> r.functionName("cirrus-dev-my-task"))
                                .configuration();
                assertThat(fn.handler()).isEqualTo("lambda_function.lambda_handler");
                assertThat(fn.runtimeAsString())
                        .isEqualTo(cirrus.compile.UpstreamDifferences.INIT_PYTHON_RUNTIME);
            } finally {
                moto.configure(MotoServer.DEFAULT_CONFIG);
            }
        }
    }

    @Test
    void aProjectWithErrorsIsNotDeployed(MotoServer moto) throws IOException {
        Path workflow = Files.createDirectories(project.resolve("workflows/broken"));
        Files.writeString(
                workflow.resolve("definition.yml"),
                "name: ${self:service}-${self:provider.stage}-broken\ndefinition:\n  StartAt: a\n  States:\n    a:\n      Type: Task\n      Resource: !GetAtt no-such-function.Arn\n      End: true\n");

        assertThat(deploy(moto)).isEqualTo(ExitCode.ERROR);

        assertThat(err)
                .as("the validator's finding, located, then the refusal")
                .contains("workflows/broken/definition.yml:7:17: error[", "'no-such-function'")
                .endsWith(
                        "error[CIRRUS-D000] the project has errors (above), so nothing was deployed\n");
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
