package cirrus.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cirrus.cli.Cli;
import cirrus.cli.Environment;
import cirrus.cli.ExitCode;

/**
 * {@code cirrus plan} end to end, in-process, on a real project with the seed's Reproject task and
 * a workflow that submits to it: build, accept, change, build, plan.
 */
class PlanCommandTest {
    @TempDir Path dir;
    Path project;
    Map<String, String> env = new HashMap<>();
    String out;
    String err;

    @BeforeEach
    void init() throws IOException {
        project = Files.createDirectories(dir.resolve("proj"));
        Path jar = Files.writeString(dir.resolve("cirrus-aws-lambda.jar"), "PK-fake");
        env.put(BuildCommand.LAMBDA_JAR, jar.toString());
        assertThat(run("init", project.toString())).isEqualTo(ExitCode.OK);
        write("tasks/Reproject/definition.yml", resource("task-definition.yml"));
        write("tasks/Reproject/README.md", "# Reproject\n");
        write("workflows/reproject/definition.yml", resource("workflow-definition.yml"));
        write("cloudformation/batch-service-role.yml", resource("batch-service-role.yml"));
    }

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

    static String resource(String name) throws IOException {
        try (InputStream in = PlanCommandTest.class.getResourceAsStream("/plan-project/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    void write(String path, String text) throws IOException {
        Path file = project.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    void edit(String path, String from, String to) throws IOException {
        Path file = project.resolve(path);
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
    }

    void build() {
        assertThat(run("build")).as(err).isEqualTo(ExitCode.OK);
    }

    @Test
    void withoutBuildOutputThePlanSaysToBuild() {
        assertThat(run("plan")).isEqualTo(ExitCode.ERROR);
        assertThat(err)
                .contains("error[CIRRUS-PL001] no build output to plan (run 'cirrus build' first)");
        assertThat(out).isEmpty();
    }

    @Test
    void withoutBaselineThePlanSaysHowToAcceptOne() {
        build();
        assertThat(run("plan")).isEqualTo(ExitCode.ERROR);
        assertThat(err).contains("error[CIRRUS-PL004]").contains("cirrus plan --accept");
        assertThat(err.lines().count()).isEqualTo(1);
    }

    @Test
    void anAcceptedBuildHasNoChanges() {
        build();
        assertThat(run("plan", "--accept")).isEqualTo(ExitCode.OK);
        assertThat(out)
                .isEqualTo(
                        "Baseline: ./.cirrus/plan/baseline.yml (from"
                                + " ./.cirrus/build/serverless.yml)\n");
        assertThat(run("plan")).isEqualTo(ExitCode.OK);
        assertThat(out)
                .isEqualTo(
                        "Plan: ./.cirrus/plan/baseline.yml -> ./.cirrus/build/serverless.yml\n"
                                + "No changes.\n");
    }

    @Test
    void aNewImageBreaksPinnedWorkflowsAndExitsThree() throws IOException {
        build();
        run("plan", "--accept");
        edit("tasks/Reproject/definition.yml", "some-image-name:", "some-image-name-v2:");
        build();
        // a CI gate tells "breaking" (3) from a usage error (2) and a failure (1)
        assertThat(run("plan")).isEqualTo(3).isNotEqualTo(ExitCode.USAGE);
        assertThat(out)
                .contains(
                        "ReprojectBatchJob (AWS::Batch::JobDefinition): new job-definition"
                                + " revision [breaking]")
                .contains(
                        "state machine ReprojectStepFunctionsStateMachine references it by"
                                + " revision-pinned ARN");

        assertThat(run("plan", "--format", "json")).isEqualTo(PlanCommand.BREAKING);
        JsonNode json = new ObjectMapper().readTree(out);
        assertThat(json.path("breaking").asBoolean()).isTrue();
        assertThat(json.path("resources").get(0).path("logicalId").asText())
                .isEqualTo("ReprojectBatchJob");
        assertThat(json.path("resources").get(0).path("findings").get(0).path("row").asInt())
                .isEqualTo(1);
    }

    @Test
    void aTemplateOfAnotherProjectIsRefused() throws IOException {
        build();
        Path other = dir.resolve("other.yml");
        Files.writeString(
                other,
                Files.readString(project.resolve(".cirrus/build/serverless.yml"))
                        .replaceFirst("service: cirrus", "service: someone-else"));
        assertThat(run("plan", "--against", other.toString())).isEqualTo(ExitCode.ERROR);
        assertThat(err).contains("error[CIRRUS-PL005] baseline is from project 'someone-else'");
    }

    @Test
    void anUnreadableTemplateIsOneLine() throws IOException {
        build();
        Path bad = Files.writeString(dir.resolve("bad.yml"), "Resources: [\n");
        assertThat(run("plan", "--against", bad.toString())).isEqualTo(ExitCode.ERROR);
        assertThat(err).contains("bad.yml:").contains("error[CIRRUS-PL002]");
        assertThat(err.lines().count()).isEqualTo(1);
    }

    @Test
    void aBaselineInfoWithAJsonSyntaxErrorIsOneLineWithItsPositionAndNoJacksonInternals()
            throws IOException {
        build();
        run("plan", "--accept");
        write(".cirrus/plan/baseline-info.json", "{\"format\": 1,\n  \"file\" \"baseline.yml\"}\n");
        assertThat(run("plan")).isEqualTo(ExitCode.ERROR);
        assertThat(err)
                .contains("baseline-info.json:2:10: error[CIRRUS-PL006]")
                .contains("invalid JSON")
                .doesNotContain("Source:")
                .doesNotContain("REDACTED")
                .doesNotContain("StreamReadFeature");
        assertThat(err.lines().count()).as(err).isEqualTo(1);
    }

    @Test
    void capacityShowsHowManyJobsFit() {
        build();
        run("plan", "--accept");
        assertThat(run("plan", "--concurrency", "100")).isEqualTo(ExitCode.OK);
        assertThat(out)
                .contains(
                        "ReprojectBatchJob: 32 vCPUs -> at most 62 concurrent jobs; 100 concurrent"
                                + " need 3200 vCPUs (raise MaxvCpus by 1200 to 3200)");
        assertThat(run("plan", "--capacity", "--format", "json")).isEqualTo(ExitCode.OK);
        assertThat(out).contains("\"maxConcurrent\" : 62");
    }

    @Test
    void badOptionsAreUsageErrors() {
        build();
        assertThat(run("plan", "--format", "xml")).isEqualTo(ExitCode.USAGE);
        assertThat(err).contains("--format must be text or json");
        assertThat(run("plan", "--accept", "--against", "x.yml")).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void aBlueGreenTaskSwapsRevisionsStepByStep() throws IOException {
        edit(
                "tasks/Reproject/definition.yml",
                "  enabled: true\n  resources:",
                "  enabled: true\n  blueGreen: true\n  resources:");
        build();
        assertThat(err)
                .contains("note[CIRRUS-PL010] task Reproject: blue/green revision A is created");
        String built = Files.readString(project.resolve(".cirrus/build/serverless.yml"));
        assertThat(built)
                .contains("ReprojectJobQueue500GBRevA:")
                .contains("JobQueue: '#{ReprojectJobQueue500GBRevA}'")
                .doesNotContain("ReprojectJobQueue500GB:");
        assertThat(run("plan", "--accept")).isEqualTo(ExitCode.OK);
        assertThat(out).contains("live: ReprojectJobQueue500GB revision A");

        edit("tasks/Reproject/definition.yml", "VolumeSize: 500", "VolumeSize: 1000");
        build();
        assertThat(err).contains("green revision B holds the change");
        assertThat(run("plan")).as(out).isEqualTo(ExitCode.OK);
        assertThat(out)
                .contains(
                        "ReprojectComputeEnvironment500GBRevB (AWS::Batch::ComputeEnvironment): create")
                .contains("Blue/green:")
                .contains("green revision B becomes live; blue revision A stays as deployed")
                .doesNotContain("500GBRevA (");

        assertThat(run("plan", "--accept")).isEqualTo(ExitCode.OK);
        assertThat(out).contains("live: ReprojectJobQueue500GB revision B");
        build();
        assertThat(err).contains("revision A is removed");
        assertThat(run("plan")).as(out).isEqualTo(ExitCode.OK);
        assertThat(out)
                .contains("ReprojectJobQueue500GBRevA (AWS::Batch::JobQueue): delete [warning]")
                .contains("revision A is removed; B stays live");
    }

    @Test
    void blueGreenOnPlanShowsWhatSwitchingOnWouldDo() {
        build();
        run("plan", "--accept");
        assertThat(run("plan", "--blue-green")).isEqualTo(PlanCommand.BREAKING);
        assertThat(err).contains("blue/green revision A is created");
        assertThat(out)
                .contains("ReprojectJobQueue500GBRevA (AWS::Batch::JobQueue): create")
                .contains("ReprojectJobQueue500GB (AWS::Batch::JobQueue): delete [breaking]");
    }
}
