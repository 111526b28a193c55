package cirrus.example.geotiff.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import cirrus.cli.ExitCode;
import cirrus.runtime.json.Json;

/** The example as a standalone CloudFormation template, checked by the real cfn-lint. */
class ExampleCloudFormationTest {
    @TempDir Path dir;

    @Test
    void theExampleBuildsToATemplateWithoutCfnLintErrors() throws Exception {
        ExampleProject project = ExampleProject.copyTo(dir);
        ExampleProject.Result build = project.cirrus("build", "--target", "cloudformation");
        assertThat(build.code()).as(build.err()).isEqualTo(ExitCode.OK);
        Path template = dir.resolve(".cirrus/build/cloudformation.json");
        JsonNode resources = Json.parse(project.read(template)).path("Resources");
        assertThat(resources.path("PreviewJobDefinition").path("Type").asText())
                .isEqualTo("AWS::Batch::JobDefinition");
        assertThat(resources.path("PreviewJobQueue").path("Type").asText())
                .isEqualTo("AWS::Batch::JobQueue");
        JsonNode function =
                resources.path("GeotiffDashtoDashstacLambdaFunction").path("Properties");
        assertThat(function.path("Runtime").asText()).isEqualTo("java21");
        assertThat(function.path("Handler").asText())
                .isEqualTo("cirrus.aws.handler.TaskHandler::handleRequest");
        assertThat(CfnLint.errors(template)).isEmpty();
    }
}
