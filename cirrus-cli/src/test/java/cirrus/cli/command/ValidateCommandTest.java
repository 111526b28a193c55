package cirrus.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
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
 * {@code cirrus validate} end to end, in-process, and the validation {@code cirrus build} runs: one
 * line per finding and a summary on stdout, exit 1 on errors (or warnings with {@code --strict}),
 * JSON for tools, and a build that refuses to write when the validator finds an error.
 */
class ValidateCommandTest {
    @TempDir Path dir;
    Path project;
    Map<String, String> env = new HashMap<>();
    String out;
    String err;

    @BeforeEach
    void init() throws IOException {
        project = Files.createDirectories(dir.resolve("proj"));
        assertThat(run("init", project.toString())).isZero();
        env.put(BuildCommand.LAMBDA_JAR, Files.writeString(dir.resolve("l.jar"), "PK").toString());
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

    /** A workflow whose state runs a task that does not exist, and one with a typo'd key. */
    void breakTheProject() throws IOException {
        Path wf = Files.createDirectories(project.resolve("workflows/thumbs"));
        Files.writeString(
                wf.resolve("definition.yml"),
                "name: ${self:service}-${self:provider.stage}-thumbs\n"
                        + "definition:\n"
                        + "  StartAt: thumbnail\n"
                        + "  States:\n"
                        + "    thumbnail:\n"
                        + "      Type: Task\n"
                        + "      Resource: !GetAtt thumbnails.Arn\n"
                        + "      End: true\n");
    }

    void warnAboutTheProject() throws IOException {
        Files.writeString(
                project.resolve("cirrus.yml"),
                Files.readString(project.resolve("cirrus.yml")) + "custm: {}\n");
    }

    @Test
    void aFreshProjectHasNothingToReport() {
        assertThat(run("validate")).isEqualTo(ExitCode.OK);

        assertThat(out)
                .isEqualTo(
                        "no errors, no warnings (4 warnings about built-in components not shown: --builtins shows them)\n");
        assertThat(err).isEmpty();
    }

    @Test
    void errorsArePrintedOnePerLineWithTheirSourceAndExitOne() throws IOException {
        breakTheProject();

        assertThat(run("validate")).isEqualTo(ExitCode.ERROR);

        assertThat(out.lines().toList())
                .containsExactly(
                        "workflows/thumbs/definition.yml:7:17: error[CIRRUS-V102] Fn::GetAtt of 'thumbnails',"
                                + " which no deployed template declares (declare the resource, or fix the name)",
                        "1 error, 0 warnings (4 warnings about built-in components not shown: --builtins shows them)");
    }

    @Test
    void aPython39FunctionFailsValidateButTheProjectStillBuilds() throws IOException {
        // v0.15.4's init wrote python3.9; AWS blocks creating such functions since 2026-06-01
        Path cirrusYml = project.resolve("cirrus.yml");
        Files.writeString(
                cirrusYml,
                Files.readString(cirrusYml)
                        .replace("runtime: python3.12\n", "runtime: python3.9\n"));
        Path task = Files.createDirectories(project.resolve("tasks/resize"));
        Files.writeString(
                task.resolve("definition.yml"),
                "description: Resizes\nlambda:\n  handler: lambda_function.lambda_handler\n");
        Files.writeString(
                task.resolve("lambda_function.py"), "def lambda_handler(e, c):\n    return e\n");

        assertThat(run("validate")).isEqualTo(ExitCode.ERROR);
        assertThat(out)
                .startsWith(
                        "cirrus.yml:9:12: error[CIRRUS-V006] function 'resize' runs on python3.9: AWS"
                                + " Lambda blocks creating functions with it since 2026-06-01 and"
                                + " updating them since 2026-07-01 (");

        assertThat(run("build")).as(err).isEqualTo(ExitCode.OK);
        assertThat(err).doesNotContain("CIRRUS-V006");
    }

    @Test
    void warningsExitZeroUnlessStrict() throws IOException {
        warnAboutTheProject();

        assertThat(run("validate")).isEqualTo(ExitCode.OK);
        assertThat(out)
                .startsWith(
                        "cirrus.yml:60:1: warning[CIRRUS-V002] unknown setting 'custm' in cirrus.yml (did you mean 'custom'?)\n");
        assertThat(run("validate", "--strict")).isEqualTo(ExitCode.ERROR);
    }

    @Test
    void jsonListsEveryFindingWithItsPlace() throws IOException {
        breakTheProject();

        assertThat(run("validate", "--format", "json", "--builtins")).isEqualTo(ExitCode.ERROR);

        JsonNode json = new ObjectMapper().readTree(out);
        assertThat(json.get("errors").asInt()).isEqualTo(1);
        assertThat(json.get("warnings").asInt()).isEqualTo(4);
        assertThat(json.get("hiddenBuiltinWarnings").asInt()).isZero();
        JsonNode error = json.get("findings").get(4);
        assertThat(error.get("code").asText()).isEqualTo("CIRRUS-V102");
        assertThat(error.get("severity").asText()).isEqualTo("error");
        assertThat(error.get("file").asText())
                .isEqualTo(Path.of("workflows/thumbs/definition.yml").toString());
        assertThat(error.get("line").asInt()).isEqualTo(7);
        assertThat(error.get("column").asInt()).isEqualTo(17);
        assertThat(error.get("hint").asText()).isEqualTo("declare the resource, or fix the name");
    }

    @Test
    void accountUsageCountsAgainstTheBatchQuotas() {
        assertThat(run("validate", "--account-usage", "ce=49")).isEqualTo(ExitCode.ERROR);
        assertThat(out)
                .contains(
                        "error[CIRRUS-V401] 51 compute environments (2 in this stack + 49 already in the account)");

        assertThat(run("validate", "--account-usage", "48")).isEqualTo(ExitCode.OK);
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertThat(run("validate", "--format", "xml")).isEqualTo(ExitCode.USAGE);
        assertThat(err).contains("Invalid value for '--format'");
        assertThat(run("validate", "--account-usage", "lots")).isEqualTo(ExitCode.USAGE);
        assertThat(err).contains("Invalid value for '--account-usage': expected N or ce=N,jq=M");
    }

    @Test
    void validateNeedsAProject() {
        project = null;
        assertThat(run("validate")).isEqualTo(ExitCode.ERROR);
        assertThat(err).contains("error[CIRRUS-P051]");
    }

    @Test
    void buildRefusesToWriteWhenTheValidatorFindsAnErrorAndKeepsThePreviousOutput()
            throws IOException {
        assertThat(run("build")).isZero();
        String before = Files.readString(project.resolve(".cirrus/build/serverless.yml"));
        breakTheProject();

        assertThat(run("build")).isEqualTo(ExitCode.ERROR);

        assertThat(err).contains("workflows/thumbs/definition.yml:7:17: error[CIRRUS-V102]");
        assertThat(Files.readString(project.resolve(".cirrus/build/serverless.yml")))
                .isEqualTo(before);
    }

    @Test
    void noValidateBuildsAnyway() throws IOException {
        breakTheProject();

        assertThat(run("build", "--no-validate")).isZero();

        assertThat(err).isEmpty();
        assertThat(Files.readString(project.resolve(".cirrus/build/serverless.yml")))
                .contains("thumbnails");
    }

    @Test
    void buildCountsValidationWarningsOnlyWhenVerbose() throws IOException {
        warnAboutTheProject();

        assertThat(run("build")).isZero();
        assertThat(err).isEmpty();

        assertThat(run("-v", "build")).isZero();
        assertThat(err.lines().toList())
                .containsExactly("1 validation warning(s): 'cirrus validate' lists them");
    }

    static List<String> lines(String text) {
        return text.lines().toList();
    }
}
