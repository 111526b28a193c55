package cirrus.compile.cfn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The template of a fresh project ({@code cirrus init}) is the reviewed one in {@code
 * src/test/resources/cfn/init-project.cloudformation.json}. When a change is intended, the test
 * writes the new template to {@code target/golden/} and says how to accept it.
 */
class CloudFormationGoldenTest {
    static final String GOLDEN = "/cfn/init-project.cloudformation.json";

    @TempDir Path dir;

    @Test
    void aFreshProjectCompilesToTheReviewedTemplate() throws IOException {
        var compiled = Projects.compile(Projects.init(dir.resolve("init")));
        assertThat(compiled.findings()).isEmpty();
        String actual = compiled.stack().orElseThrow().json();

        String expected;
        try (InputStream in = getClass().getResourceAsStream(GOLDEN)) {
            expected = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!actual.equals(expected)) {
            Path written =
                    Path.of("target/golden/init-project.cloudformation.json").toAbsolutePath();
            Files.createDirectories(written.getParent());
            Files.writeString(written, actual);
            assertThat(actual)
                    .as(
                            "the template differs from %s; if the change is intended: cp %s src/test/resources%s",
                            GOLDEN, written, GOLDEN)
                    .isEqualTo(expected);
        }
    }

    @Test
    void theSlimPatternsOfCirrusYmlApplyWithoutTheDefaults() throws IOException {
        var c = Projects.compile(Projects.init(dir.resolve("init")));

        assertThat(c.stack().orElseThrow().slimPatterns())
                .as("cirrus.yml: slim: true, slimPatternsAppendDefaults: false")
                .hasSize(13)
                .startsWith("bin/**", "docutils/**")
                .doesNotContainAnyElementsOf(CloudFormationTarget.DEFAULT_SLIM_PATTERNS);
        assertThat(CloudFormationTarget.slimPatterns(java.util.Map.of("slim", true)))
                .isEqualTo(CloudFormationTarget.DEFAULT_SLIM_PATTERNS);
        assertThat(CloudFormationTarget.slimPatterns(java.util.Map.of())).isEmpty();
    }

    @Test
    void theBuiltinStateMachineInvokesOnlyPublish() throws IOException {
        var c = Projects.compile(Projects.init(dir.resolve("init")));

        String role = Json.compact(c.properties("CirrusDashdevDashpublishDashonlyRole"));
        assertThat(role)
                .contains("PublishLambdaFunction")
                .doesNotContain("batch:")
                .doesNotContain("ProcessLambdaFunction");
        assertThat(c.stack().orElseThrow().resourceCount())
                .isLessThanOrEqualTo(CloudFormationTarget.MAX_RESOURCES);
    }
}
