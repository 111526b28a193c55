package cirrus.cli.operate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sqs.model.Message;

import cirrus.aws.config.AwsClients;
import cirrus.aws.config.AwsSettings;
import cirrus.aws.handler.Deployment;
import cirrus.aws.handler.LocalContext;
import cirrus.aws.handler.ProcessHandler;
import cirrus.aws.handler.UpdateStateHandler;
import cirrus.aws.moto.LambdaEvents;
import cirrus.aws.moto.MotoAws;
import cirrus.aws.moto.MotoExtension;
import cirrus.aws.moto.MotoServer;
import cirrus.aws.operate.DeployedStack;
import cirrus.cli.Cli;
import cirrus.cli.Environment;
import cirrus.cli.ExitCode;
import cirrus.cli.command.BuildCommand;
import cirrus.runtime.json.Json;

/**
 * An operator's morning on a deployed pipeline, all through the CLI: the project is deployed with
 * {@code cirrus deploy} to moto; payloads run through the process and update-state handlers and
 * real (moto-executed) Step Functions executions, ending COMPLETED, FAILED and INVALID; then {@code
 * payload list|status}, {@code execution show} and {@code logs} inspect them with {@code --stage
 * dev}, and {@code payload rerun} sends the FAILED one back, which then completes.
 *
 * <p>moto executes only state machines created through its Step Functions API (those CloudFormation
 * creates are stored, not run), so the workflows are created next to the stack under the names the
 * stack's would have ({@code cirrus-dev-<workflow>}); the Lambda log lines a real task would write
 * are put into its log group.
 */
@ExtendWith(MotoExtension.class)
class OperateDeployedTest {
    private static final String STACK = "cirrus-dev";
    private static final String PASS =
            "{\"StartAt\": \"Run\", \"States\": {\"Run\": {\"Type\": \"Pass\", \"End\": true}}}";

    /** A Lambda task, then a failure (what a task's Catch to a Fail state looks like). */
    private static final String BROKEN =
            "{\"StartAt\": \"convert\", \"States\": {\"convert\": {\"Type\": \"Task\","
                    + " \"Resource\": \"arn:aws:states:::lambda:invoke\", \"Parameters\":"
                    + " {\"FunctionName\": \"cirrus-dev-convert\", \"Payload.$\": \"$\"},"
                    + " \"ResultPath\": \"$.result\", \"Next\": \"failed\"}, \"failed\": {\"Type\":"
                    + " \"Fail\", \"Error\": \"RuntimeError\", \"Cause\": \"boom\"}}}";

    private static final String INVALID =
            "{\"StartAt\": \"Check\", \"States\": {\"Check\": {\"Type\": \"Fail\", \"Error\":"
                    + " \"InvalidInput\", \"Cause\": \"no assets\"}}}";

    @TempDir Path dir;
    Path project;
    Map<String, String> env = new HashMap<>();
    String out;
    String err;

    int run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code =
                Cli.run(
                        args,
                        new PrintWriter(o),
                        new PrintWriter(e),
                        new Environment(project, env));
        out = o.toString();
        err = e.toString();
        return code;
    }

    int operate(MotoServer moto, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(
                List.of(
                        "--stage",
                        "dev",
                        "--region",
                        MotoAws.REGION,
                        "--endpoint-url",
                        moto.endpoint().toString()));
        return run(all.toArray(String[]::new));
    }

    Path standInJar() throws IOException {
        Path jar = dir.resolve("cirrus-aws-lambda.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().putValue("Manifest-Version", "1.0");
        try (OutputStream o = Files.newOutputStream(jar);
                JarOutputStream j = new JarOutputStream(o, manifest)) {
            j.putNextEntry(new java.util.zip.ZipEntry("cirrus/README"));
            j.write("stand-in".getBytes(StandardCharsets.UTF_8));
        }
        return jar;
    }

    static String payload(String workflow, String item) {
        return "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\","
                + " \"stac_version\": \"1.0.0\", \"id\": \""
                + item
                + "\", \"collection\": \"col-a\", \"geometry\": null, \"properties\":"
                + " {\"datetime\": \"2020-01-01T00:00:00Z\"}, \"links\": [], \"assets\": {}}],"
                + " \"process\": [{\"workflow\": \""
                + workflow
                + "\", \"upload_options\": {\"path_template\": \"${collection}/${id}\"},"
                + " \"tasks\": {}}]}";
    }

    @Test
    void anOperatorListsInspectsReadsLogsAndRerunsThroughTheCli(MotoServer moto) throws Exception {
        project = Files.createDirectories(dir.resolve("proj"));
        assertThat(run("init", project.toString())).isEqualTo(ExitCode.OK);
        env.put(BuildCommand.LAMBDA_JAR, standInJar().toString());
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        assertThat(
                        run(
                                "deploy",
                                "--region",
                                MotoAws.REGION,
                                "--endpoint-url",
                                moto.endpoint().toString()))
                .as(err)
                .isEqualTo(ExitCode.OK);

        DeployedStack stack =
                DeployedStack.find(AwsSettings.forEndpoint(moto.endpoint(), MotoAws.REGION), STACK);
        AwsClients aws = MotoAws.clients(moto);
        // the process function is this test: disable the mapping that would hand the process
        // queue's messages to moto's stand-in Lambda
        try (var lambda =
                software.amazon.awssdk.services.lambda.LambdaClient.builder()
                        .region(software.amazon.awssdk.regions.Region.of(MotoAws.REGION))
                        .endpointOverride(moto.endpoint())
                        .credentialsProvider(
                                software.amazon.awssdk.auth.credentials.StaticCredentialsProvider
                                        .create(
                                                software.amazon.awssdk.auth.credentials
                                                        .AwsBasicCredentials.create(
                                                        "test", "test")))
                        .build()) {
            moto.configure(MotoServer.CLOUDFORMATION_VIEW_CONFIG);
            try {
                var mappings = lambda.listEventSourceMappings().eventSourceMappings();
                assertThat(mappings).isNotEmpty();
                mappings.forEach(
                        m -> lambda.updateEventSourceMapping(r -> r.uuid(m.uuid()).enabled(false)));
            } finally {
                moto.configure(MotoServer.DEFAULT_CONFIG);
            }
        }
        Helper helper = new Helper(aws);
        for (var w : Map.of("cog", PASS, "broken", BROKEN, "check", INVALID).entrySet()) {
            aws.sfn()
                    .createStateMachine(
                            r ->
                                    r.name(STACK + "-" + w.getKey())
                                            .roleArn(MotoAws.ROLE)
                                            .definition(w.getValue()));
        }
        Map<String, String> functionEnv = new HashMap<>(MotoAws.awsEnvironment(moto));
        functionEnv.put("CIRRUS_STATE_DB", stack.stateTable());
        functionEnv.put("CIRRUS_PAYLOAD_BUCKET", stack.payloadBucket());
        functionEnv.put("CIRRUS_PROCESS_QUEUE_URL", stack.processQueueUrl());
        functionEnv.put(
                "CIRRUS_BASE_WORKFLOW_ARN",
                "arn:aws:states:"
                        + MotoAws.REGION
                        + ":"
                        + MotoAws.ACCOUNT
                        + ":stateMachine:"
                        + STACK
                        + "-");
        String queueArn = MotoAws.queueArn(aws.sqs(), stack.processQueueUrl());
        try (Deployment deployment =
                new Deployment(functionEnv, MotoAws.clients(moto), Clock.systemUTC())) {
            ProcessHandler process = new ProcessHandler(() -> deployment);
            UpdateStateHandler updateState = new UpdateStateHandler(() -> deployment);
            Runnable processQueue =
                    () -> {
                        List<Message> messages = helper.drain(stack.processQueueUrl());
                        if (!messages.isEmpty()) {
                            process.handle(
                                    LambdaEvents.sqs(messages, queueArn),
                                    LocalContext.of("process"));
                        }
                    };
            for (var p :
                    List.of(
                            List.of("cog", "item-1"),
                            List.of("broken", "item-2"),
                            List.of("check", "item-3"))) {
                aws.sqs()
                        .sendMessage(
                                r ->
                                        r.queueUrl(stack.processQueueUrl())
                                                .messageBody(payload(p.get(0), p.get(1))));
            }
            processQueue.run();
            for (String id :
                    List.of(
                            "col-a/workflow-cog/item-1",
                            "col-a/workflow-broken/item-2",
                            "col-a/workflow-check/item-3")) {
                finish(deployment, helper, updateState, id);
            }
            String failedArn =
                    deployment
                            .states()
                            .get(
                                    cirrus.runtime.payload.PayloadId.parse(
                                            "col-a/workflow-broken/item-2"))
                            .orElseThrow()
                            .lastExecution()
                            .orElseThrow();
            aws.logs().createLogGroup(r -> r.logGroupName("/aws/lambda/cirrus-dev-convert"));
            aws.logs()
                    .createLogStream(
                            r ->
                                    r.logGroupName("/aws/lambda/cirrus-dev-convert")
                                            .logStreamName("2026/01/01/abc"));
            long now = System.currentTimeMillis();
            aws.logs()
                    .putLogEvents(
                            r ->
                                    r.logGroupName("/aws/lambda/cirrus-dev-convert")
                                            .logStreamName("2026/01/01/abc")
                                            .logEvents(
                                                    InputLogEvent.builder()
                                                            .timestamp(now - 2)
                                                            .message("START RequestId: abc")
                                                            .build(),
                                                    InputLogEvent.builder()
                                                            .timestamp(now - 1)
                                                            .message(
                                                                    "converting item-2: RuntimeError boom")
                                                            .build()));

            // which payloads failed? counts per workflow, then the FAILED items
            assertThat(operate(moto, "payload", "list")).as(err).isEqualTo(ExitCode.OK);
            assertThat(out)
                    .contains("col-a broken FAILED=1")
                    .contains("col-a check INVALID=1")
                    .contains("col-a cog COMPLETED=1");
            assertThat(operate(moto, "payload", "list", "-o", "json"))
                    .as(err)
                    .isEqualTo(ExitCode.OK);
            assertThat(Json.parse(out).path("workflows")).hasSize(3);
            assertThat(operate(moto, "payload", "list", "--state", "FAILED"))
                    .as(err)
                    .isEqualTo(ExitCode.OK);
            assertThat(out.strip())
                    .startsWith("FAILED")
                    .contains("col-a/workflow-broken/item-2")
                    .doesNotContain("item-1");

            // why? the state item, its execution, the timeline and the logs
            assertThat(operate(moto, "payload", "status", "col-a/workflow-broken/item-2"))
                    .as(err)
                    .isEqualTo(ExitCode.OK);
            assertThat(out)
                    .contains("state       FAILED")
                    .contains("last error")
                    .contains("FAILED")
                    .contains("console.aws.amazon.com/states/home?region=" + MotoAws.REGION)
                    .contains(
                            "s3://"
                                    + stack.payloadBucket()
                                    + "/col-a/workflow-broken/item-2/input.json");
            assertThat(
                            operate(
                                    moto,
                                    "payload",
                                    "status",
                                    "col-a/workflow-broken/item-2",
                                    "-o",
                                    "json"))
                    .isEqualTo(ExitCode.OK);
            JsonNode status = Json.parse(out);
            assertThat(status.path("state").asText()).isEqualTo("FAILED");
            assertThat(status.path("execution_details").get(0).path("status").asText())
                    .isEqualTo("FAILED");

            assertThat(operate(moto, "execution", "show", "col-a/workflow-broken/item-2"))
                    .as(err)
                    .isEqualTo(ExitCode.OK);
            assertThat(out)
                    .contains("execution  " + failedArn)
                    .contains("status     FAILED")
                    .contains("convert (Task)")
                    .contains("failed (Fail)");
            assertThat(operate(moto, "execution", "show", failedArn, "--output", "json"))
                    .isEqualTo(ExitCode.OK);
            JsonNode timeline = Json.parse(out);
            assertThat(timeline.path("states").get(0).path("name").asText()).isEqualTo("convert");
            assertThat(timeline.path("states").get(1).path("status").asText()).isEqualTo("FAILED");
            assertThat(timeline.path("states").get(1).path("error").asText())
                    .isEqualTo("RuntimeError");
            assertThat(timeline.path("events").size()).isGreaterThan(2);

            assertThat(operate(moto, "logs", "col-a/workflow-broken/item-2"))
                    .as(err)
                    .isEqualTo(ExitCode.OK);
            assertThat(out)
                    .contains("[convert] START RequestId: abc")
                    .contains("[convert] converting item-2: RuntimeError boom");
            assertThat(operate(moto, "logs", "col-a/workflow-broken/item-2", "--task", "other"))
                    .isEqualTo(ExitCode.OK);
            assertThat(out).isEmpty();

            // fix the workflow (a redeploy), rerun the FAILED ones: they complete
            aws.sfn()
                    .updateStateMachine(
                            r ->
                                    r.stateMachineArn(
                                                    functionEnv.get("CIRRUS_BASE_WORKFLOW_ARN")
                                                            + "broken")
                                            .definition(PASS));
            assertThat(operate(moto, "payload", "rerun", "--state", "FAILED", "--dry-run"))
                    .as(err)
                    .isEqualTo(ExitCode.OK);
            assertThat(out)
                    .contains("would rerun col-a/workflow-broken/item-2")
                    .contains("found 1 (dry run");
            assertThat(helper.drain(stack.processQueueUrl())).isEmpty();
            assertThat(
                            operate(
                                    moto,
                                    "payload",
                                    "rerun",
                                    "--state",
                                    "FAILED",
                                    "--confirm-above",
                                    "0"))
                    .isEqualTo(ExitCode.ERROR);
            assertThat(err).startsWith("error[CIRRUS-O009]");
            assertThat(
                            operate(
                                    moto,
                                    "payload",
                                    "rerun",
                                    "--workflow",
                                    "broken",
                                    "--state",
                                    "FAILED"))
                    .as(err)
                    .isEqualTo(ExitCode.OK);
            assertThat(out).contains("rerun col-a/workflow-broken/item-2").contains("found 1");
            processQueue.run();
            finish(deployment, helper, updateState, "col-a/workflow-broken/item-2");
            assertThat(
                            operate(
                                    moto,
                                    "payload",
                                    "status",
                                    "col-a/workflow-broken/item-2",
                                    "-o",
                                    "json"))
                    .isEqualTo(ExitCode.OK);
            JsonNode rerun = Json.parse(out);
            assertThat(rerun.path("state").asText()).isEqualTo("COMPLETED");
            assertThat(rerun.path("execution_details")).hasSize(2);
            assertThat(rerun.path("execution_details").get(1).path("status").asText())
                    .isEqualTo("SUCCEEDED");
            assertThat(operate(moto, "payload", "list")).isEqualTo(ExitCode.OK);
            assertThat(out).contains("col-a broken COMPLETED=1").doesNotContain("FAILED");

            // bad input: one line, a stable code, a hint, exit 1
            assertThat(operate(moto, "payload", "status", "col-a/workflow-cog/nope"))
                    .isEqualTo(ExitCode.ERROR);
            assertThat(err.strip())
                    .startsWith("error[CIRRUS-O001] no payload col-a/workflow-cog/nope")
                    .contains("hint:")
                    .doesNotContain("\n");
            assertThat(
                            operate(
                                    moto,
                                    "execution",
                                    "show",
                                    failedArn
                                            .replace("broken", "cog")
                                            .replaceAll(":[^:]+$", ":gone")))
                    .isEqualTo(ExitCode.ERROR);
            assertThat(err.strip()).startsWith("error[CIRRUS-O002]").contains("90 days");
            assertThat(
                            run(
                                    "payload",
                                    "status",
                                    "col-a/workflow-cog/item-1",
                                    "--stage",
                                    "prod",
                                    "--region",
                                    MotoAws.REGION,
                                    "--endpoint-url",
                                    moto.endpoint().toString()))
                    .isEqualTo(ExitCode.ERROR);
            assertThat(err.strip())
                    .startsWith("error[CIRRUS-O005] no stack cirrus-prod")
                    .contains("hint:")
                    .doesNotContain("\n");
            assertThat(operate(moto, "payload", "list", "--profile", "no-such-profile"))
                    .isEqualTo(ExitCode.ERROR);
            assertThat(err.strip()).startsWith("error[CIRRUS-O006]").doesNotContain("\n");
        } finally {
            aws.close();
        }
    }

    private static void finish(
            Deployment deployment, Helper helper, UpdateStateHandler updateState, String id)
            throws InterruptedException {
        String arn =
                deployment
                        .states()
                        .get(cirrus.runtime.payload.PayloadId.parse(id))
                        .orElseThrow()
                        .lastExecution()
                        .orElseThrow();
        DescribeExecutionResponse done = helper.awaitExecution(arn);
        updateState.handle(LambdaEvents.statusChange(done, false), LocalContext.of("update-state"));
    }

    /** Drains queues and awaits executions, bounded. */
    record Helper(AwsClients aws) {
        List<Message> drain(String queueUrl) {
            List<Message> all = new ArrayList<>();
            for (int tries = 0; tries < 50; tries++) {
                List<Message> got =
                        aws.sqs()
                                .receiveMessage(
                                        r ->
                                                r.queueUrl(queueUrl)
                                                        .maxNumberOfMessages(10)
                                                        .visibilityTimeout(600)
                                                        .messageSystemAttributeNamesWithStrings(
                                                                "All"))
                                .messages();
                if (got.isEmpty()) {
                    break;
                }
                all.addAll(got);
            }
            return all;
        }

        DescribeExecutionResponse awaitExecution(String arn) throws InterruptedException {
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
            while (true) {
                DescribeExecutionResponse d = aws.sfn().describeExecution(r -> r.executionArn(arn));
                if (d.status()
                        != software.amazon.awssdk.services.sfn.model.ExecutionStatus.RUNNING) {
                    return d;
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("execution still running after 30 s: " + arn);
                }
                Thread.sleep(50);
            }
        }
    }
}
