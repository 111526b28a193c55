package cirrus.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cirrus.cli.Cli;
import cirrus.cli.Environment;
import cirrus.cli.ExitCode;

/** {@code cirrus build --target cloudformation [--stage S] [--region R]}, in-process. */
class BuildTargetTest {
    @TempDir Path dir;
    Path project;
    Map<String, String> env = new HashMap<>();
    String out;
    String err;

    @BeforeEach
    void init() throws IOException {
        project = Files.createDirectories(dir.resolve("proj"));
        assertThat(run("init", project.toString())).isEqualTo(ExitCode.OK);
        env.put(
                BuildCommand.LAMBDA_JAR,
                Files.writeString(dir.resolve("cirrus-aws-lambda.jar"), "PK-fake").toString());
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

    Path template() {
        return project.resolve(".cirrus/build/cloudformation.json");
    }

    @Test
    void theCloudFormationTargetWritesTheTemplateBesideTheServerlessOutput() throws IOException {
        assertThat(run("build", "--target", "cloudformation")).as(err).isEqualTo(ExitCode.OK);

        assertThat(out).isEmpty();
        assertThat(err).isEmpty();
        assertThat(Files.readString(template()))
                .startsWith("{\n  \"AWSTemplateFormatVersion\": \"2010-09-09\",")
                .contains("\"FunctionName\": \"cirrus-dev-process\"");
        assertThat(project.resolve(".cirrus/build/serverless.yml")).exists();
        assertThat(project.resolve(".cirrus/build/lambdas/cirrus-builtins.jar")).exists();
    }

    @Test
    void stageAndRegionResolveTheVariables() throws IOException {
        assertThat(
                        run(
                                "build",
                                "--target",
                                "cloudformation",
                                "--stage",
                                "prod",
                                "--region",
                                "eu-west-1"))
                .as(err)
                .isEqualTo(ExitCode.OK);

        assertThat(Files.readString(template()))
                .contains("\"FunctionName\": \"cirrus-prod-process\"")
                .contains("\"StateMachineName\": \"cirrus-prod-publish-only\"");
    }

    @Test
    void aPlainBuildLeavesNoStaleTemplate() {
        assertThat(run("build", "--target", "cloudformation")).isEqualTo(ExitCode.OK);
        assertThat(run("build")).isEqualTo(ExitCode.OK);

        assertThat(template()).doesNotExist();
    }

    @Test
    void withoutTheValidatorTheTemplatesOwnReferenceCheckFailsTheBuildAndKeepsThePreviousOutput()
            throws IOException {
        assertThat(run("build", "--target", "cloudformation")).isEqualTo(ExitCode.OK);
        String before = Files.readString(template());
        Files.writeString(
                project.resolve("cloudformation/broken.yml"),
                "Resources:\n  Broken:\n    Type: AWS::SQS::Queue\n    Properties:\n      RedrivePolicy:\n        deadLetterTargetArn: !GetAtt Nowhere.Arn\n");

        assertThat(run("build", "--target", "cloudformation", "--no-validate"))
                .isEqualTo(ExitCode.ERROR);

        assertThat(err)
                .isEqualTo(
                        "error[CIRRUS-CF009] Resources.Broken.Properties.RedrivePolicy.deadLetterTargetArn: Fn::GetAtt of 'Nowhere', which is not a resource of the template\n");
        assertThat(Files.readString(template())).isEqualTo(before);
    }

    @Test
    void anUnknownTargetOrStageWithoutTheCloudFormationTargetIsAUsageError() {
        assertThat(run("build", "--target", "terraform")).isEqualTo(ExitCode.USAGE);
        assertThat(err)
                .contains("Error: --target must be serverless or cloudformation, not 'terraform'");

        assertThat(run("build", "--stage", "prod")).isEqualTo(ExitCode.USAGE);
        assertThat(err).contains("Error: --stage and --region apply to --target cloudformation");
    }
}
