package cirrus.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cirrus.cli.Cli;
import cirrus.cli.ExitCode;
import cirrus.runtime.json.Json;

class PayloadCommandTest {
    @TempDir Path dir;

    private record Result(int code, String out, String err) {}

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    private Path write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private static String testPayload() throws Exception {
        try (InputStream in =
                PayloadCommandTest.class.getResourceAsStream("/payloads/test-payload.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void validatePrintsTheIdOfAValidPayload() throws Exception {
        Result r = run("payload", "validate", write("p.json", testPayload()).toString());
        assertThat(r.code()).isEqualTo(ExitCode.OK);
        assertThat(r.out())
                .isEqualTo(
                        "valid: sentinel-s2-l2a/workflow-cog-archive/S2B_17HQD_20201103_0_L2A\n");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void itemsAreCheckedAgainstTheOfficialStacSchemasOneLinePerFinding() throws Exception {
        // the Sentinel-2 item of cirrus' tests, as STAC 1.0.0: it names its collection without a
        // rel=collection link and declares extensions by short name (no bundled schema)
        String payload = testPayload().replace("\"1.0.0-beta.2\"", "\"1.0.0\"");
        Path file = write("items.json", payload);

        Result r = run("payload", "validate", file.toString());

        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.ERROR);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines())
                .contains(
                        file
                                + ": error[CIRRUS-P006] /features/0/links: collection link missing:"
                                + " the item names collection 'sentinel-s2-l2a' but no link has rel"
                                + " 'collection'")
                .anyMatch(
                        l ->
                                l.startsWith(
                                                file
                                                        + ": warning[CIRRUS-P007] /features/0/stac_extensions:")
                                        && l.contains("extension eo has no bundled schema"))
                .noneMatch(l -> l.contains("Exception") || l.startsWith("\tat "));
    }

    @Test
    void theTemplateIsAValidPayloadWithValidStacItems() throws Exception {
        Result t = run("payload", "template", "--collections", "a,b");
        assertThat(t.code()).isEqualTo(ExitCode.OK);

        Result r = run("payload", "validate", write("t.json", t.out()).toString());

        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isEqualTo(ExitCode.OK);
    }

    @Test
    void aMissingFieldIsOneLineNamingTheField() throws Exception {
        Path file =
                write(
                        "bad.json",
                        "{\"id\": \"a/workflow-b/c\", \"process\": {\"upload_options\": {}, \"tasks\": {}}}");
        Result r = run("payload", "validate", file.toString());
        assertThat(r.code()).isEqualTo(ExitCode.ERROR);
        assertThat(r.out()).isEmpty();
        assertThat(r.err())
                .isEqualTo(file + ": error[CIRRUS-P002] process.workflow: is required\n");
    }

    @Test
    void invalidJsonIsReportedAtItsLineAndColumn() throws Exception {
        Path file = write("broken.json", "{\n  \"process\": {,\n}");
        Result r = run("payload", "validate", file.toString());
        assertThat(r.code()).isEqualTo(ExitCode.ERROR);
        assertThat(r.err())
                .startsWith(file + ":2:15: error[CIRRUS-P001] invalid JSON: ")
                .hasLineCount(1);
    }

    @Test
    void aJsonArrayIsValidatedAsSubmitReadsIt() throws Exception {
        String one = testPayload();
        Path file =
                write("many.json", "[" + one + ", " + one.replace("S2B_17HQD", "S2B_17HQE") + "]");
        Result r = run("payload", "validate", file.toString());
        assertThat(r.code()).isEqualTo(ExitCode.OK);
        assertThat(r.out())
                .isEqualTo(
                        "valid: sentinel-s2-l2a/workflow-cog-archive/S2B_17HQD_20201103_0_L2A\n"
                                + "valid: sentinel-s2-l2a/workflow-cog-archive/S2B_17HQE_20201103_0_L2A\n");
    }

    @Test
    void anIdWithADotDotSegmentIsInvalidAsInSubmitAndProcess() throws Exception {
        Path file =
                write(
                        "dots.json",
                        testPayload()
                                .replace(
                                        "workflow-cog-archive/S2B_17HQD_20201103_0_L2A\"",
                                        "workflow-cog-archive/..\""));
        Result r = run("payload", "validate", file.toString());
        assertThat(r.code()).isEqualTo(ExitCode.ERROR);
        assertThat(r.err()).startsWith(file + ": error[CIRRUS-P004] id: has a '..' path segment");
    }

    @Test
    void tooDeepJsonIsALocatedErrorNotZeroZero() throws Exception {
        Path file = write("deep.json", "{\"a\":\n" + "[".repeat(5000) + "]".repeat(5000) + "}");
        Result r = run("payload", "validate", file.toString());
        assertThat(r.code()).isEqualTo(ExitCode.ERROR);
        assertThat(r.err()).startsWith(file + ":2:").contains("nesting depth").hasLineCount(1);
    }

    @Test
    void aMissingFileIsAnError() {
        Result r = run("payload", "get-id", dir.resolve("nope.json").toString());
        assertThat(r.code()).isEqualTo(ExitCode.ERROR);
        assertThat(r.err()).endsWith("nope.json: error[CIRRUS-P000] no such file\n");
    }

    @Test
    void getIdDerivesTheIdFromStdin() throws Exception {
        String withoutId =
                testPayload()
                        .replace(
                                "\"id\": \"sentinel-s2-l2a/workflow-cog-archive/S2B_17HQD_20201103_0_L2A\"",
                                "\"x\": 1");
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream(withoutId.getBytes(StandardCharsets.UTF_8)));
            Result r = run("payload", "get-id", "-");
            assertThat(r.code()).isEqualTo(ExitCode.OK);
            assertThat(r.out())
                    .isEqualTo("sentinel-s2-l2a/workflow-cog-archive/S2B_17HQD_20201103_0_L2A\n");
        } finally {
            System.setIn(stdin);
        }
    }

    @Test
    void deprecatedAliasesAreWarnings() throws Exception {
        Path file =
                write(
                        "old.json",
                        testPayload().replace("\"upload_options\"", "\"output_options\""));
        Result r = run("payload", "validate", file.toString());
        assertThat(r.code()).isEqualTo(ExitCode.OK);
        assertThat(r.err()).contains("warning: process.output_options is deprecated");
    }

    @Test
    void theTemplateIsAValidPayloadForTheWorkflow() throws Exception {
        Result r =
                run(
                        "payload",
                        "template",
                        "--workflow",
                        "cog-archive",
                        "--collections",
                        "sentinel-2-l2a,landsat");
        assertThat(r.code()).isEqualTo(ExitCode.OK);
        var json = Json.parse(r.out());
        assertThat(json.at("/process/workflow").asText()).isEqualTo("cog-archive");
        assertThat(json.get("features")).hasSize(2);
        Result id = run("payload", "get-id", write("t.json", r.out()).toString());
        assertThat(id.out())
                .isEqualTo(
                        "landsat/sentinel-2-l2a/workflow-cog-archive/REPLACE-WITH-ITEM-ID/REPLACE-WITH-ITEM-ID\n");
    }

    @Test
    void payloadWithoutSubcommandPrintsUsage() {
        Result r = run("payload");
        assertThat(r.code()).isEqualTo(ExitCode.OK);
        assertThat(r.out()).contains("validate").contains("get-id").contains("template");
    }
}
