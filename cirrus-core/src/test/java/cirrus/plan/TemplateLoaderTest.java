package cirrus.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cirrus.diag.DiagnosticException;
import cirrus.plan.template.Template;
import cirrus.plan.template.TemplateException;
import cirrus.plan.template.TemplateLoader;

class TemplateLoaderTest {
    @TempDir Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private static String code(Throwable e) {
        return ((DiagnosticException) e).diagnostics().get(0).code();
    }

    @Test
    void serverlessResourcesAndStateMachinesBecomeResources() throws IOException {
        Template t =
                TemplateLoader.load(
                        write(
                                "serverless.yml",
                                """
                                service: demo
                                custom:
                                  batch:
                                    Max: 64
                                stepFunctions:
                                  stateMachines:
                                    my-flow:
                                      definition: {StartAt: a}
                                    other:
                                      id: CustomId
                                      definition: {StartAt: b}
                                resources:
                                  Resources:
                                    CE:
                                      Type: AWS::Batch::ComputeEnvironment
                                      Properties:
                                        ComputeResources:
                                          MaxvCpus: ${self:custom.batch.Max}
                                          Name: ce-${self:custom.batch.Max}-${self:custom.none, 'x'}
                                          Stage: ${opt:stage, 'dev'}
                                """));
        assertThat(t.format()).isEqualTo(Template.Format.SERVERLESS);
        assertThat(t.service()).contains("demo");
        assertThat(t.resources().keySet())
                .containsExactly("CE", "MyDashflowStepFunctionsStateMachine", "CustomId");
        assertThat(t.resource("CE").orElseThrow().number("ComputeResources.MaxvCpus"))
                .contains(64L);
        assertThat(t.resource("CE").orElseThrow().text("ComputeResources.Name"))
                .contains("ce-64-x");
        assertThat(t.resource("CE").orElseThrow().text("ComputeResources.Stage"))
                .contains("${opt:stage, 'dev'}");
        assertThat(t.resource("CE").orElseThrow().location().toString())
                .endsWith("serverless.yml:14:5");
    }

    @Test
    void cloudFormationJsonLoads() throws IOException {
        Template t =
                TemplateLoader.load(
                        write(
                                "t.json",
                                "{\"Resources\": {\"Q\": {\"Type\": \"AWS::Batch::JobQueue\","
                                        + " \"Properties\": {\"Priority\": 1},"
                                        + " \"DeletionPolicy\": \"Retain\"}}}"));
        assertThat(t.format()).isEqualTo(Template.Format.CLOUDFORMATION);
        assertThat(t.resource("Q").orElseThrow().deletionPolicy()).contains("Retain");
    }

    @Test
    void aBuildOrProjectDirectoryFindsItsTemplate() throws IOException {
        Path file = write(".cirrus/build/serverless.yml", "service: x\nresources: {}\n");
        assertThat(TemplateLoader.locate(dir)).isEqualTo(file);
        assertThat(TemplateLoader.locate(dir.resolve(".cirrus/build"))).isEqualTo(file);
    }

    @Test
    void aMissingPathIsNotFound() {
        assertThatThrownBy(() -> TemplateLoader.load(dir.resolve("nope.yml")))
                .isInstanceOf(TemplateException.class)
                .satisfies(e -> assertThat(code(e)).isEqualTo(TemplateException.NOT_FOUND))
                .hasMessageContaining("nope.yml")
                .hasMessageContaining("no such file");
    }

    @Test
    void aDirectoryWithoutTemplateIsNotFound() {
        assertThatThrownBy(() -> TemplateLoader.load(dir))
                .satisfies(e -> assertThat(code(e)).isEqualTo(TemplateException.NOT_FOUND))
                .hasMessageContaining("serverless.yml");
    }

    @Test
    void malformedYamlIsUnreadableWithItsPosition() throws IOException {
        Path file = write("bad.yml", "Resources:\n  A: [unclosed\n");
        assertThatThrownBy(() -> TemplateLoader.load(file))
                .satisfies(e -> assertThat(code(e)).isEqualTo(TemplateException.UNREADABLE))
                .hasMessageMatching("(?s).*bad\\.yml:\\d+:\\d+: error\\[CIRRUS-PL002\\].*");
    }

    @Test
    void somethingElseIsNotATemplate() throws IOException {
        assertThatThrownBy(() -> TemplateLoader.load(write("a.yml", "- just\n- a list\n")))
                .satisfies(e -> assertThat(code(e)).isEqualTo(TemplateException.NOT_A_TEMPLATE));
        assertThatThrownBy(() -> TemplateLoader.load(write("b.yml", "hello: world\n")))
                .satisfies(e -> assertThat(code(e)).isEqualTo(TemplateException.NOT_A_TEMPLATE));
    }

    @Test
    void aResourceWithoutTypeIsReportedWhereItIs() throws IOException {
        Path file =
                write(
                        "c.yml",
                        "Resources:\n  Ok:\n    Type: AWS::S3::Bucket\n  Bad:\n    Properties: {}\n");
        assertThatThrownBy(() -> TemplateLoader.load(file))
                .satisfies(e -> assertThat(code(e)).isEqualTo(TemplateException.NOT_A_TEMPLATE))
                .hasMessageContaining("c.yml:4:3")
                .hasMessageContaining("'Bad' has no Type");
    }

    @Test
    void anInMemoryTreeIsATemplateToo() {
        Template t =
                TemplateLoader.of(
                        Path.of("x.yml"),
                        Map.of("Resources", Map.of("A", Map.of("Type", "AWS::S3::Bucket"))));
        assertThat(t.ofType("AWS::S3::Bucket")).hasSize(1);
        assertThat(t.resource("A").orElseThrow().list("Nothing")).isEqualTo(List.of());
    }
}
