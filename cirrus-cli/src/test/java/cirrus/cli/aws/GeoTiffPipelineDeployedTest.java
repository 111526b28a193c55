package cirrus.cli.aws;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cirrus.aws.handler.Deployment;
import cirrus.aws.handler.PostBatchHandler;
import cirrus.aws.handler.PreBatchHandler;
import cirrus.aws.handler.PublishHandler;
import cirrus.aws.handler.TaskHandler;
import cirrus.aws.moto.CallRecorder;
import cirrus.aws.moto.MotoServer;
import cirrus.aws.runner.BatchRunner;
import cirrus.aws.runner.MarkProcessedTask;
import cirrus.cli.command.BuildCommand;
import cirrus.runtime.json.Json;

/**
 * {@code examples/geotiff-pipeline} as {@code cirrus deploy} deploys it, under IAM enforcement (see
 * {@link DeployedAsBuiltTest}): its Lambda task's role ({@code geotiff-to-stac}), then pre-batch,
 * the Batch runner with the example's own job role ({@code PreviewJobRole}), post-batch and
 * publish, each with its role's keys. The example's task classes are not on this module's
 * classpath: {@link MarkProcessedTask} stands in for them, which reads and writes what they do (the
 * payload through S3).
 */
class GeoTiffPipelineDeployedTest {
    static DeployedStack stack;

    @BeforeAll
    static void deploy() throws IOException {
        Optional<String> reason = MotoServer.unavailableReason();
        if (reason.isPresent() && !"true".equalsIgnoreCase(System.getenv("CI"))) {
            Assumptions.abort("skipping the deployed geotiff-pipeline: " + reason.get());
        }
        Path dir = Files.createTempDirectory("cirrus-geotiff-deployed");
        Path example = exampleDirectory();
        Path project = dir.resolve("geotiff-pipeline");
        try (Stream<Path> files = Files.walk(example)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path rel = example.relativize(f);
                if (rel.startsWith("java") || rel.startsWith(".cirrus")) {
                    continue;
                }
                Path to = project.resolve(rel.toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to);
                }
            }
        }
        DeployedAsBuiltTest.standInJar(
                project.resolve("java/target/cirrus-example-geotiff-lambda.jar"));
        Map<String, String> env = new HashMap<>();
        env.put(
                BuildCommand.LAMBDA_JAR,
                DeployedAsBuiltTest.standInJar(dir.resolve("cirrus-aws-lambda.jar")).toString());
        stack = DeployedStack.deploy(project, env);
    }

    static Path exampleDirectory() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            Path candidate = p.resolve("examples/geotiff-pipeline");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("examples/geotiff-pipeline not found above " + here);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    static void assertAllowed(String role) {
        assertThat(stack.denied(role))
                .as("actions the deployed role %s lacks (AccessDenied under IAM enforcement)", role)
                .isEmpty();
    }

    @Test
    void theLambdaTaskAndTheBatchStepRunUnderTheirDeployedRoles() {
        ObjectNode payload =
                (ObjectNode) Json.parse(DeployedAsBuiltTest.payload("scene-1", "geotiff-pipeline"));
        payload.set("process", payload.path("process").get(0));
        payload.put("id", "col-a/workflow-geotiff-pipeline/scene-1");

        String lambdaTask = stack.functionRoles.get("geotiff-to-stac");
        JsonNode stac;
        try (Deployment d = stack.deploymentOf("geotiff-to-stac")) {
            stac =
                    new TaskHandler("mark", new MarkProcessedTask(), () -> d)
                            .handle(payload, DeployedAsBuiltTest.context("geotiff-to-stac"));
        }
        assertAllowed(lambdaTask);
        assertThat(stac.at("/features/0/properties/processed_by").asText()).isEqualTo("mark");

        JsonNode urls;
        try (Deployment d = stack.deploymentOf("pre-batch")) {
            urls =
                    new PreBatchHandler(() -> d)
                            .handle(stac, DeployedAsBuiltTest.context("pre-batch"));
        }
        assertAllowed(stack.functionRoles.get("pre-batch"));

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
                            "preview"
                        },
                        stack.environment(
                                stack.lambdaEnvironments.get("pre-batch"),
                                stack.roleKeys.get("PreviewJobRole")),
                        new PrintStream(out, true, UTF_8));
        assertAllowed("PreviewJobRole");
        assertThat(code).as(out.toString(UTF_8)).isEqualTo(BatchRunner.OK);

        ObjectNode job = JsonNodeFactory.instance.objectNode();
        job.put("JobName", "preview").put("Status", "SUCCEEDED");
        job.putObject("Parameters")
                .put("url", urls.get("url").asText())
                .put("url_out", urls.get("url_out").asText());
        JsonNode previewed;
        try (Deployment d = stack.deploymentOf("post-batch")) {
            previewed =
                    new PostBatchHandler(() -> d)
                            .handle(job, DeployedAsBuiltTest.context("post-batch"));
        }
        assertAllowed(stack.functionRoles.get("post-batch"));
        assertThat(previewed.at("/features/0/properties/processed_by").asText())
                .isEqualTo("preview");

        try (Deployment d = stack.deploymentOf("publish")) {
            new PublishHandler(() -> d).handle(previewed, DeployedAsBuiltTest.context("publish"));
        }
        assertAllowed(stack.functionRoles.get("publish"));

        // what each role called is what its deployed policies allow
        for (String role :
                new String[] {
                    lambdaTask,
                    stack.functionRoles.get("pre-batch"),
                    stack.functionRoles.get("post-batch"),
                    stack.functionRoles.get("publish"),
                    "PreviewJobRole"
                }) {
            assertThat(stack.allowedActions(role))
                    .as("the deployed policies of %s", role)
                    .containsAll(CallRecorder.calls(stack.roleKeys.get(role).accessKeyId()));
        }
    }
}
