package cirrus.example.geotiff.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import cirrus.cli.ExitCode;
import cirrus.runtime.json.Json;
import cirrus.yaml.YamlLoader;

/**
 * {@code cirrus build} of the example: the Java Lambda, the Batch task's own job definition, job
 * queue, compute environment and roles, and the workflow in the recommended Parallel pattern.
 */
class ExampleBuildTest {
    @TempDir Path dir;

    private JsonNode serverless() throws Exception {
        ExampleProject project = ExampleProject.copyTo(dir);
        ExampleProject.Result build = project.cirrus("build");
        assertThat(build.code()).as(build.err()).isEqualTo(ExitCode.OK);
        assertThat(build.err()).doesNotContain("error");
        Object root = YamlLoader.load(dir.resolve(".cirrus/build/serverless.yml")).root();
        return Json.MAPPER.valueToTree(root);
    }

    @Test
    void theLambdaTaskIsAJavaFunctionNamingItsTaskClass() throws Exception {
        JsonNode fn = serverless().path("functions").path("geotiff-to-stac");
        assertThat(fn.path("runtime").asText()).isEqualTo("java21");
        assertThat(fn.path("handler").asText())
                .isEqualTo("cirrus.aws.handler.TaskHandler::handleRequest");
        assertThat(fn.path("environment").path("CIRRUS_TASK_CLASS").asText())
                .isEqualTo("cirrus.example.geotiff.task.GeoTiffToStacTask");
        assertThat(fn.path("environment").path("CIRRUS_DATA_BUCKET").path("Ref").asText())
                .as("the provider environment is merged in")
                .isEqualTo("Data");
        assertThat(fn.path("package").path("artifact").asText())
                .isEqualTo("../../java/target/cirrus-example-geotiff-lambda.jar");
        assertThat(fn.has("module")).as("no Python module").isFalse();
    }

    @Test
    void theBatchTaskDeclaresItsJobDefinitionQueueComputeEnvironmentAndRoles() throws Exception {
        JsonNode resources = serverless().path("resources").path("Resources");
        JsonNode job = resources.path("PreviewJobDefinition");
        assertThat(job.path("Type").asText()).isEqualTo("AWS::Batch::JobDefinition");
        JsonNode container = job.path("Properties").path("ContainerProperties");
        assertThat(Json.write(container.path("Command")))
                .isEqualTo("[\"process\",\"Ref::url\",\"--output\",\"Ref::url_out\"]");
        assertThat(job.path("Properties").path("Parameters").has("url")).isTrue();
        Map<String, String> env = new java.util.LinkedHashMap<>();
        container
                .path("Environment")
                .forEach(e -> env.put(e.path("Name").asText(), e.path("Value").toString()));
        assertThat(env)
                .containsEntry("CIRRUS_TASK_CLASS", "\"cirrus.example.geotiff.task.PreviewTask\"")
                .containsEntry("CIRRUS_TASK_NAME", "\"preview\"")
                .containsEntry("JAVA_TOOL_OPTIONS", "\"-XX:+UseSerialGC -XX:MaxRAMPercentage=75\"")
                .containsKeys("CIRRUS_PAYLOAD_BUCKET", "AWS_REGION", "AWS_DEFAULT_REGION");
        assertThat(container.path("ResourceRequirements").toString()).contains("VCPU", "MEMORY");
        assertThat(container.path("JobRoleArn").path("Fn::GetAtt").get(0).asText())
                .isEqualTo("PreviewJobRole");
        assertThat(resources.path("PreviewJobQueue").path("Type").asText())
                .isEqualTo("AWS::Batch::JobQueue");
        assertThat(resources.path("PreviewComputeEnvironment").path("Type").asText())
                .isEqualTo("AWS::Batch::ComputeEnvironment");
        assertThat(resources.path("PreviewJobRole").path("Type").asText())
                .isEqualTo("AWS::IAM::Role");
        assertThat(resources.path("PreviewInstanceProfile").path("Type").asText())
                .isEqualTo("AWS::IAM::InstanceProfile");
    }

    @Test
    void theWorkflowRunsTheBatchJobBetweenPreAndPostBatchInAParallelWithRetryAndCatch()
            throws Exception {
        JsonNode states =
                serverless()
                        .path("stepFunctions")
                        .path("stateMachines")
                        .path("geotiff-pipeline")
                        .path("definition")
                        .path("States");
        assertThat(List.of(iterable(states.fieldNames())))
                .containsExactly("geotiff-to-stac", "preview", "publish", "failure");
        JsonNode preview = states.path("preview");
        assertThat(preview.path("Type").asText()).isEqualTo("Parallel");
        assertThat(preview.path("Catch").get(0).path("Next").asText()).isEqualTo("failure");
        assertThat(preview.path("Retry").get(0).path("ErrorEquals").get(0).asText())
                .isEqualTo("Batch.AWSBatchException");
        JsonNode branch = preview.path("Branches").get(0).path("States");
        assertThat(List.of(iterable(branch.fieldNames())))
                .containsExactly("pre-batch", "preview-job", "post-batch");
        JsonNode job = branch.path("preview-job");
        assertThat(job.path("Resource").asText())
                .isEqualTo("arn:aws:states:::batch:submitJob.sync");
        assertThat(job.path("Catch").get(0).path("ErrorEquals").get(0).asText())
                .isEqualTo("States.ALL");
        assertThat(job.path("Catch").get(0).path("Next").asText())
                .as("a failed job's error goes to post-batch, which raises it from the job's log")
                .isEqualTo("post-batch");
        assertThat(states.path("geotiff-to-stac").path("Catch").get(0).path("ResultPath").asText())
                .isEqualTo("$.error");
    }

    private static String[] iterable(java.util.Iterator<String> names) {
        List<String> out = new java.util.ArrayList<>();
        names.forEachRemaining(out::add);
        return out.toArray(String[]::new);
    }
}
