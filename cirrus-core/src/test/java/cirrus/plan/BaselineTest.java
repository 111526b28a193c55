package cirrus.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cirrus.diag.DiagnosticException;
import cirrus.plan.baseline.Baseline;
import cirrus.plan.baseline.BaselineException;
import cirrus.plan.baseline.ProjectMatch;
import cirrus.plan.template.Template;
import cirrus.plan.template.TemplateLoader;

class BaselineTest {
    @TempDir Path project;

    private Template template(String name, String text) throws IOException {
        Path file = project.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return TemplateLoader.load(file);
    }

    private static String code(Throwable e) {
        return ((DiagnosticException) e).diagnostics().get(0).code();
    }

    private static final String SERVERLESS =
            "service: geo\nresources:\n  Resources:\n    Q:\n      Type: AWS::Batch::JobQueue\n";

    @Test
    void anAcceptedTemplateIsTheBaseline() throws IOException {
        Template built = template(".cirrus/build/serverless.yml", SERVERLESS);
        Path stored = Baseline.accept(project, built);
        assertThat(stored).isEqualTo(project.resolve(".cirrus/plan/baseline.yml"));
        assertThat(Files.readString(stored)).isEqualTo(SERVERLESS);
        Template baseline = Baseline.load(project);
        assertThat(baseline.resources()).containsOnlyKeys("Q");
        assertThat(Baseline.service(project)).contains("geo");
        assertThat(Files.readString(project.resolve(".cirrus/plan/baseline-info.json")))
                .contains("\"acceptedFrom\" : \".cirrus/build/serverless.yml\"");
    }

    @Test
    void aJsonTemplateIsKeptAsJson() throws IOException {
        Baseline.accept(project, template("t.json", "{\"Resources\": {}}"));
        assertThat(project.resolve(".cirrus/plan/baseline.json")).exists();
        assertThat(Baseline.load(project).resources()).isEmpty();
    }

    @Test
    void withoutBaselineThePlanSaysHowToMakeOne() {
        assertThatThrownBy(() -> Baseline.load(project))
                .satisfies(e -> assertThat(code(e)).isEqualTo(BaselineException.MISSING))
                .hasMessageContaining("cirrus plan --accept");
    }

    @Test
    void anEditedBaselineIsRefused() throws IOException {
        Baseline.accept(project, template("serverless.yml", SERVERLESS));
        Files.writeString(project.resolve(".cirrus/plan/baseline.yml"), SERVERLESS + "# edit\n");
        assertThatThrownBy(() -> Baseline.load(project))
                .satisfies(e -> assertThat(code(e)).isEqualTo(BaselineException.DAMAGED));
    }

    @Test
    void unreadableBaselineInfoIsDamaged() throws IOException {
        Files.createDirectories(project.resolve(".cirrus/plan"));
        Files.writeString(project.resolve(".cirrus/plan/baseline-info.json"), "{not json");
        assertThatThrownBy(() -> Baseline.load(project))
                .satisfies(e -> assertThat(code(e)).isEqualTo(BaselineException.DAMAGED));
    }

    @Test
    void aBaselineFromAnotherServiceIsRefused() throws IOException {
        Template other = template("other.yml", SERVERLESS.replace("geo", "elsewhere"));
        Template mine = template("mine.yml", SERVERLESS);
        assertThatThrownBy(() -> ProjectMatch.require(other, mine))
                .satisfies(e -> assertThat(code(e)).isEqualTo(BaselineException.FOREIGN))
                .hasMessageContaining("'elsewhere'")
                .hasMessageContaining("'geo'");
    }

    @Test
    void aTemplateSharingNoResourceIsFromAnotherProject() throws IOException {
        Template other = template("o.yml", "Resources:\n  X:\n    Type: AWS::S3::Bucket\n");
        Template mine = template("m.yml", "Resources:\n  Y:\n    Type: AWS::S3::Bucket\n");
        assertThatThrownBy(() -> ProjectMatch.require(other, mine))
                .satisfies(e -> assertThat(code(e)).isEqualTo(BaselineException.FOREIGN))
                .hasMessageContaining("shares no resource");
        ProjectMatch.require(mine, mine);
    }
}
