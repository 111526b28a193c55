package cirrus.cli.aws;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sqs.model.Message;

import cirrus.aws.handler.ApiHandler;
import cirrus.aws.handler.Deployment;
import cirrus.aws.handler.FeedRerunHandler;
import cirrus.aws.handler.LocalContext;
import cirrus.aws.handler.PostBatchHandler;
import cirrus.aws.handler.PreBatchHandler;
import cirrus.aws.handler.ProcessHandler;
import cirrus.aws.handler.PublishHandler;
import cirrus.aws.handler.UpdateStateHandler;
import cirrus.aws.moto.LambdaEvents;
import cirrus.aws.moto.MotoIam;
import cirrus.aws.moto.MotoServer;
import cirrus.aws.runner.BatchRunner;
import cirrus.aws.runner.MarkProcessedTask;
import cirrus.cli.Cli;
import cirrus.cli.Environment;
import cirrus.cli.ExitCode;
import cirrus.cli.command.BuildCommand;
import cirrus.runtime.json.Json;
import cirrus.runtime.payload.PayloadId;
import cirrus.runtime.port.StateRecord;
import cirrus.runtime.port.WorkflowState;
import cirrus.yaml.YamlLoader;

/**
 * The AWS pipeline as {@code cirrus deploy} deploys it: a fresh project ({@code cirrus init}) with
 * a workflow of a Lambda step, a Batch step and publish is deployed to moto, IAM enforcement is
 * turned on, and every builtin runs in-process with the credentials of its own function role (a
 * user holding exactly the role's policies, see {@link MotoIam}): process → the deployed state
 * machine → update-state (every end status, a chained next workflow) → publish, pre-batch → the
 * Batch runner (the Batch job role) → post-batch, feed-rerun and api. Any refused call fails the
 * test that made it and names the action; the last test checks every action called against the
 * function's statements in both build targets.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeployedAsBuiltTest {
    static final String WORKFLOW =
            "name: ${self:service}-${self:provider.stage}-mark-batch\n"
                    + "definition:\n"
                    + "  StartAt: pre-batch\n"
                    + "  States:\n"
                    + "    pre-batch:\n"
                    + "      Type: Task\n"
                    + "      Resource: !GetAtt pre-batch.Arn\n"
                    + "      Next: mark\n"
                    + "    mark:\n"
                    + "      Type: Task\n"
                    + "      Resource: arn:aws:states:::batch:submitJob.sync\n"
                    + "      Parameters:\n"
                    + "        JobName: mark\n"
                    + "        JobQueue: \"#{BasicOnDemandJobQueue}\"\n"
                    + "        JobDefinition: \"#{LambdaAsBatchJob}\"\n"
                    + "        Parameters:\n"
                    + "          url.$: $.url\n"
                    + "      Next: post-batch\n"
                    + "    post-batch:\n"
                    + "      Type: Task\n"
                    + "      Resource: !GetAtt post-batch.Arn\n"
                    + "      Next: publish\n"
                    + "    publish:\n"
                    + "      Type: Task\n"
                    + "      Resource: !GetAtt publish.Arn\n"
                    + "      End: true\n";

    static Path dir;
    static DeployedStack stack;

    @BeforeAll
    static void deploy() throws IOException {
        Optional<String> reason = MotoServer.unavailableReason();
        if (reason.isPresent() && !"true".equalsIgnoreCase(System.getenv("CI"))) {
            Assumptions.abort("skipping the deployed-as-built suite: " + reason.get());
        }
        dir = Files.createTempDirectory("cirrus-deployed");
        Path project = Files.createDirectories(dir.resolve("proj"));
        Map<String, String> env = new HashMap<>();
        env.put(
                BuildCommand.LAMBDA_JAR,
                standInJar(dir.resolve("cirrus-aws-lambda.jar")).toString());
        assertThat(cli(project, env, "init", project.toString())).isEqualTo(ExitCode.OK);
        Files.createDirectories(project.resolve("workflows/mark-batch"));
        Files.writeString(project.resolve("workflows/mark-batch/definition.yml"), WORKFLOW);
        assertThat(cli(project, env, "build")).isEqualTo(ExitCode.OK);
        stack = DeployedStack.deploy(project, env);
    }

    @AfterAll
    static void stop() throws IOException {
        if (stack != null) {
            stack.close();
        }
    }

    /** moto stores Lambda code without running it: a stand-in for the builtins' jar. */
    static Path standInJar(Path jar) throws IOException {
        Files.createDirectories(jar.getParent());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().putValue("Manifest-Version", "1.0");
        try (OutputStream o = Files.newOutputStream(jar);
                JarOutputStream j = new JarOutputStream(o, manifest)) {
            j.putNextEntry(new java.util.zip.ZipEntry("cirrus/README"));
            j.write("stand-in".getBytes(UTF_8));
        }
        return jar;
    }

    static int cli(Path project, Map<String, String> env, String... args) {
        StringWriter err = new StringWriter();
        int code =
                Cli.run(
                        args,
                        new PrintWriter(new StringWriter()),
                        new PrintWriter(err),
                        new Environment(project, env));
        assertThat(code).as(String.join(" ", args) + ": " + err).isEqualTo(ExitCode.OK);
        return code;
    }

    // ---- driving the functions ----

    /** Runs a builtin as its Lambda would, then fails if its role was refused any call. */
    static JsonNode invoke(String function, JsonNode event) {
        try (Deployment d = stack.deploymentOf(function)) {
            JsonNode result =
                    switch (function) {
                        case "process" ->
                                new ProcessHandler(() -> d).handle(event, context(function));
                        case "update-state" ->
                                new UpdateStateHandler(() -> d).handle(event, context(function));
                        case "publish" ->
                                new PublishHandler(() -> d).handle(event, context(function));
                        case "pre-batch" ->
                                new PreBatchHandler(() -> d).handle(event, context(function));
                        case "post-batch" ->
                                new PostBatchHandler(() -> d).handle(event, context(function));
                        case "feed-rerun" ->
                                new FeedRerunHandler(() -> d).handle(event, context(function));
                        case "api" -> new ApiHandler(() -> d).handle(event, context(function));
                        default -> throw new IllegalArgumentException(function);
                    };
            assertAllowed(stack.functionRoles.get(function));
            return result;
        } catch (RuntimeException e) {
            assertAllowed(stack.functionRoles.get(function));
            throw e;
        }
    }

    static LocalContext context(String function) {
        String name = DeployedStack.STACK + "-" + function;
        return new LocalContext(
                name,
                "arn:aws:lambda:us-east-1:123456789012:function:" + name,
                new PrintStream(new ByteArrayOutputStream(), true, UTF_8));
    }

    static void assertAllowed(String role) {
        assertThat(stack.denied(role))
                .as("actions the deployed role %s lacks (AccessDenied under IAM enforcement)", role)
                .isEmpty();
    }

    static String queueUrl() {
        return stack.lambdaEnvironments.get("process").get("CIRRUS_PROCESS_QUEUE_URL");
    }

    static String payload(String item, String... workflows) {
        return padded(item, "", workflows);
    }

    static String padded(String item, String padding, String... workflows) {
        StringBuilder process = new StringBuilder();
        for (String wf : workflows) {
            process.append(process.length() > 0 ? ", " : "")
                    .append("{\"workflow\": \"")
                    .append(wf)
                    .append(
                            "\", \"upload_options\": {\"path_template\":"
                                    + " \"${collection}/${id}\"}, \"tasks\": {\"mark\": {}}}");
        }
        return "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\","
                + " \"stac_version\": \"1.0.0\", \"id\": \""
                + item
                + "\", \"collection\": \"col-a\", \"properties\": {\"datetime\":"
                + " \"2020-07-01T00:00:00Z\", \"note\": \""
                + padding
                + "\"}, \"geometry\": null, \"links\": [], \"assets\": {}}], \"process\": ["
                + process
                + "]}";
    }

    /**
     * Sends payloads to the process queue, hands what it receives to process and answers how many
     * of those messages process settled: an SQS event gets a partial batch response that names the
     * messages to deliver again.
     */
    static JsonNode process(String... payloads) {
        for (String p : payloads) {
            stack.admin.sqs().sendMessage(r -> r.queueUrl(queueUrl()).messageBody(p));
        }
        List<Message> messages = drain(queueUrl(), Math.max(1, payloads.length));
        JsonNode result =
                invoke(
                        "process",
                        LambdaEvents.sqs(
                                messages, "arn:aws:sqs:us-east-1:123456789012:cirrus-dev-process"));
        for (Message m : messages) {
            stack.admin
                    .sqs()
                    .deleteMessage(r -> r.queueUrl(queueUrl()).receiptHandle(m.receiptHandle()));
        }
        assertThat(result.path("batchItemFailures").isArray())
                .as("process answers an SQS event with a partial batch response: " + result)
                .isTrue();
        return IntNode.valueOf(messages.size() - result.path("batchItemFailures").size());
    }

    /** Receives until {@code expected} messages came (bounded), then what else is there. */
    static List<Message> drain(String url, int expected) {
        List<Message> all = new ArrayList<>();
        for (int i = 0; i < 20 && all.size() < expected; i++) {
            all.addAll(drain(url));
        }
        assertThat(all).as("messages received from " + url).hasSize(expected);
        return all;
    }

    static List<Message> drain(String url) {
        List<Message> all = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            List<Message> got =
                    stack.admin
                            .sqs()
                            .receiveMessage(
                                    r -> r.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(0))
                            .messages();
            if (got.isEmpty()) {
                break;
            }
            all.addAll(got);
        }
        return all;
    }

    static StateRecord state(String id) {
        try (Deployment d = stack.deployment(stack.lambdaEnvironments.get("api"), adminKey())) {
            return d.states().get(PayloadId.parse(id)).orElseThrow();
        }
    }

    static software.amazon.awssdk.auth.credentials.AwsBasicCredentials adminKey() {
        return (software.amazon.awssdk.auth.credentials.AwsBasicCredentials)
                stack.admin.settings().credentials().resolveCredentials();
    }

    /** The EventBridge status change of the payload's execution, as if it had ended so. */
    static ObjectNode ended(String id, String status, String error, String cause) {
        String arn = state(id).lastExecution().orElseThrow();
        DescribeExecutionResponse running =
                stack.admin.sfn().describeExecution(r -> r.executionArn(arn));
        DescribeExecutionResponse done =
                running.toBuilder()
                        .status(status)
                        .stopDate(Instant.now())
                        .output("SUCCEEDED".equals(status) ? running.input() : null)
                        .error(error)
                        .cause(cause)
                        .build();
        return LambdaEvents.statusChange(done, error != null);
    }

    // ---- the tests ----

    @Test
    @Order(1)
    void processStartsTheDeployedStateMachineAndUpdateStateRecordsEveryEndStatus() {
        assertThat(
                        process(
                                        payload("ok", "publish-only"),
                                        payload("bad", "publish-only"),
                                        payload("invalid", "publish-only"),
                                        payload("slow", "publish-only"),
                                        payload("stopped", "publish-only"),
                                        payload("quiet", "publish-only"))
                                .asInt())
                .isEqualTo(6);
        String base = "col-a/workflow-publish-only/";
        String arn = state(base + "ok").lastExecution().orElseThrow();
        assertThat(arn)
                .startsWith(
                        "arn:aws:states:us-east-1:123456789012:execution:cirrus-dev-publish-only:");
        assertThat(state(base + "ok").state()).isEqualTo(WorkflowState.PROCESSING);

        invoke("update-state", ended(base + "ok", "SUCCEEDED", null, null));
        invoke(
                "update-state",
                ended(base + "bad", "FAILED", "Exception", "{\"errorMessage\": \"boom\"}"));
        invoke(
                "update-state",
                ended(
                        base + "invalid",
                        "FAILED",
                        "InvalidInput",
                        "{\"errorMessage\": \"no assets\"}"));
        invoke("update-state", ended(base + "slow", "TIMED_OUT", null, null));
        invoke("update-state", ended(base + "stopped", "ABORTED", null, null));
        // no error in the event: update-state reads it from the execution history
        invoke("update-state", ended(base + "quiet", "FAILED", null, null));

        assertThat(state(base + "ok").state()).isEqualTo(WorkflowState.COMPLETED);
        assertThat(state(base + "bad").state()).isEqualTo(WorkflowState.FAILED);
        assertThat(state(base + "bad").lastError()).hasValue("Exception: boom");
        assertThat(state(base + "invalid").state()).isEqualTo(WorkflowState.INVALID);
        assertThat(state(base + "slow").state()).isEqualTo(WorkflowState.FAILED);
        assertThat(state(base + "stopped").state()).isEqualTo(WorkflowState.ABORTED);
        assertThat(state(base + "quiet").state()).isEqualTo(WorkflowState.FAILED);
    }

    @Test
    @Order(2)
    void aLargeChainedPayloadGoesByUrlAndStartsItsNextWorkflow() {
        // over 120,000 characters: process stores it in the payload bucket and passes its URL
        String padding = "x".repeat(130_000);
        assertThat(process(padded("big", padding, "publish-only", "mark-batch")).asInt())
                .isEqualTo(1);
        String first = "col-a/workflow-publish-only/big";
        JsonNode next = invoke("update-state", ended(first, "SUCCEEDED", null, null));
        assertThat(next).hasSize(1);
        assertThat(state(first).state()).isEqualTo(WorkflowState.COMPLETED);

        // update-state sent the next payload to the process queue
        assertThat(process().asInt()).isEqualTo(1);
        String second = "col-a/workflow-mark-batch/big";
        assertThat(state(second).state()).isEqualTo(WorkflowState.PROCESSING);
        assertThat(state(second).lastExecution().orElseThrow())
                .contains(":execution:cirrus-dev-mark-batch:");
    }

    @Test
    @Order(3)
    void preBatchTheBatchRunnerAndPostBatchPassThePayloadThroughS3() {
        ObjectNode payload = (ObjectNode) Json.parse(payload("batched", "mark-batch"));
        payload.set("process", payload.path("process").get(0));
        payload.put("id", "col-a/workflow-mark-batch/batched");
        JsonNode urls = invoke("pre-batch", payload);

        // the job runs with the Batch job role of the stack
        Map<String, String> jobEnv =
                stack.environment(
                        stack.lambdaEnvironments.get("pre-batch"),
                        stack.roleKeys.get("BatchJobRole"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code =
                BatchRunner.run(
                        new String[] {
                            "process",
                            urls.get("url").asText(),
                            "--output",
                            urls.get("url_out").asText(),
                            "--task",
                            MarkProcessedTask.class.getName(),
                            "--name",
                            "mark"
                        },
                        jobEnv,
                        new PrintStream(out, true, UTF_8));
        assertAllowed("BatchJobRole");
        assertThat(code).as(out.toString(UTF_8)).isEqualTo(BatchRunner.OK);

        ObjectNode job = JsonNodeFactory.instance.objectNode();
        job.put("JobName", "mark").put("Status", "SUCCEEDED");
        job.putObject("Parameters")
                .put("url", urls.get("url").asText())
                .put("url_out", urls.get("url_out").asText());
        JsonNode output = invoke("post-batch", job);
        assertThat(output.at("/features/0/properties/processed_by").asText()).isEqualTo("mark");

        JsonNode published = invoke("publish", output);
        assertThat(published.at("/features/0/links").toString()).contains("\"rel\":\"self\"");
        String dataBucket = stack.lambdaEnvironments.get("publish").get("CIRRUS_DATA_BUCKET");
        assertThat(stack.admin.s3().listObjectsV2(r -> r.bucket(dataBucket)).contents())
                .extracting(o -> o.key())
                .anyMatch(k -> k.startsWith("col-a/batched"));
    }

    @Test
    @Order(4)
    void feedRerunSendsTheFailedPayloadsBackToProcess() {
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.put("collections", "col-a").put("workflow", "publish-only").put("state", "FAILED");
        JsonNode found = invoke("feed-rerun", event);
        assertThat(found.path("found").asInt()).isEqualTo(3);
        drain(queueUrl(), 3);
    }

    @Test
    @Order(5)
    void feedRerunInBatchModeRunsInlineInsteadOfSubmittingAPythonJob() {
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.put("collections", "col-a")
                .put("workflow", "publish-only")
                .put("state", "ABORTED")
                .put("batch", true);
        JsonNode found = invoke("feed-rerun", event);
        assertThat(found.path("found").asInt()).isEqualTo(1);
        drain(queueUrl(), 1);
        assertThat(
                        stack.admin
                                .batch()
                                .listJobs(r -> r.jobQueue("cirrus-dev-basic-ondemand"))
                                .jobSummaryList())
                .isEmpty();
    }

    @Test
    @Order(6)
    void theApiAnswersFromTheStateTable() {
        ObjectNode summary = JsonNodeFactory.instance.objectNode();
        summary.put("path", "/col-a/workflow-publish-only");
        JsonNode counts = invoke("api", summary);
        assertThat(counts.path("statusCode").asInt()).isEqualTo(200);
        assertThat(Json.parse(counts.path("body").asText()).at("/counts/COMPLETED").asInt())
                .isEqualTo(2);

        ObjectNode items = JsonNodeFactory.instance.objectNode();
        items.put("path", "/col-a/workflow-publish-only/items");
        assertThat(invoke("api", items).path("statusCode").asInt()).isEqualTo(200);

        ObjectNode item = JsonNodeFactory.instance.objectNode();
        item.put("path", "/col-a/workflow-publish-only/ok");
        assertThat(invoke("api", item).path("body").asText()).contains("COMPLETED");

        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("path", "/");
        assertThat(invoke("api", root).path("statusCode").asInt()).isEqualTo(404);
    }

    @Test
    @Order(7)
    void theStateMachineRolesAllowWhatTheirDefinitionsCall() {
        Map<String, String> machines = new HashMap<>();
        stack.resources.forEach(
                (logical, physical) -> {
                    if (physical.contains(":stateMachine:")) {
                        machines.put(logical, physical);
                    }
                });
        assertThat(machines).hasSize(2);
        for (Map.Entry<String, String> m : machines.entrySet()) {
            String definition =
                    stack.admin
                            .sfn()
                            .describeStateMachine(r -> r.stateMachineArn(m.getValue()))
                            .definition();
            String role = m.getKey() + "Role";
            Set<String> needed = StateMachineCalls.of(Json.parse(definition));
            assertThat(needed).isNotEmpty();
            assertThat(stack.allowedActions(role))
                    .as("the actions of %s's role %s", m.getValue(), role)
                    .containsAll(needed);
            for (String function : StateMachineCalls.functions(Json.parse(definition))) {
                assertThat(
                                StateMachineCalls.resources(
                                        stack.rolePolicies.get(role), "lambda:InvokeFunction"))
                        .as("%s may invoke %s", role, function)
                        .contains(function);
            }
        }
    }

    @Test
    @Order(100)
    void everyActionAFunctionCalledIsGrantedInBothBuildTargets() {
        Map<String, Object> serverless =
                castMap(
                        YamlLoader.load(stack.project.resolve(".cirrus/build/serverless.yml"))
                                .root());
        JsonNode template =
                Json.parse(readString(stack.project.resolve(".cirrus/build/cloudformation.json")));
        Map<String, Object> functions = castMap(serverless.get("functions"));
        List<String> checked = new ArrayList<>();
        for (String function :
                List.of(
                        "process",
                        "update-state",
                        "publish",
                        "pre-batch",
                        "post-batch",
                        "feed-rerun",
                        "api")) {
            String role = stack.functionRoles.get(function);
            Set<String> called = stack.calls(role);
            assertThat(called).as("what %s called during the suite", function).isNotEmpty();
            Set<String> fromServerless =
                    actions(castMap(functions.get(function)).get("iamRoleStatements"));
            Set<String> fromTemplate = new TreeSet<>();
            template.at("/Resources/" + role + "/Properties/Policies")
                    .forEach(
                            p ->
                                    p.at("/PolicyDocument/Statement")
                                            .forEach(s -> fromTemplate.addAll(MotoIam.actions(s))));
            assertThat(fromServerless)
                    .as("serverless.yml grants %s what it calls", function)
                    .containsAll(called);
            assertThat(fromTemplate)
                    .as("cloudformation.json grants %s what it calls", function)
                    .containsAll(called);
            checked.add(function + " " + new TreeSet<>(called));
        }
        Set<String> job = stack.calls("BatchJobRole");
        assertThat(stack.allowedActions("BatchJobRole")).containsAll(job);
        checked.add("BatchJobRole " + new TreeSet<>(job));
        System.out.println(
                "[deployed-as-built] actions called:\n  " + String.join("\n  ", checked));
    }

    static Set<String> actions(Object statements) {
        Set<String> actions = new TreeSet<>();
        if (statements instanceof List<?> list) {
            for (Object s : list) {
                Object a = castMap(s).get("Action");
                if (a instanceof List<?> many) {
                    many.forEach(x -> actions.add(String.valueOf(x)));
                } else if (a != null) {
                    actions.add(String.valueOf(a));
                }
            }
        }
        return actions;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> castMap(Object o) {
        return (Map<String, Object>) o;
    }

    static String readString(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
