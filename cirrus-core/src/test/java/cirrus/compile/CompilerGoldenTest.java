package cirrus.compile;

import static cirrus.compile.ProjectFixtures.compile;
import static cirrus.compile.ProjectFixtures.create;
import static cirrus.compile.ProjectFixtures.init;
import static cirrus.compile.ProjectFixtures.normalisedGolden;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cirrus.project.ComponentType;
import cirrus.scaffold.ComponentScaffold.TaskPart;
import cirrus.yaml.YamlWriter;

/**
 * Parity with cirrus v0.15.4: projects upstream built are built again and the serverless.yml
 * compared byte for byte with upstream's, after {@link UpstreamDifferences} (the documented
 * differences, and nothing else).
 */
class CompilerGoldenTest {
    @TempDir Path dir;

    private static String expected(String golden) {
        return YamlWriter.write(normalisedGolden(golden));
    }

    private static String built(Path project, CompileDiagnostics diagnostics, Compilation c) {
        assertThat(diagnostics.all()).as("findings").noneMatch(d -> d.severity().isError());
        return YamlWriter.write(c.serverless());
    }

    @Test
    void aFreshProjectBuildsLikeUpstream() throws IOException {
        Path project = init(dir.resolve("bare"));
        CompileDiagnostics diagnostics = new CompileDiagnostics();
        Compilation c = compile(project, diagnostics);

        assertThat(built(project, diagnostics, c)).isEqualTo(expected("init-only-serverless.yml"));
        assertThat(c.lambdas()).as("the builtins are Java: no Python directories").isEmpty();
        assertThat(c.artifacts()).containsExactly("lambdas/cirrus-builtins.jar");
    }

    @Test
    void theUpstreamTestProjectWithItsPluginBuildsLikeUpstreamsFixture() throws IOException {
        Path project = init(dir.resolve("proj"));
        CompileDiagnostics diagnostics = new CompileDiagnostics();
        Compilation c =
                compile(
                        project,
                        diagnostics,
                        ProjectFixtures.upstreamTestPlugin(dir.resolve("plugin")));

        assertThat(built(project, diagnostics, c)).isEqualTo(expected("expected-serverless.yml"));
    }

    @Test
    void componentsUpstreamCreatedBuildLikeUpstream() throws IOException {
        Path project = init(dir.resolve("proj"));
        ProjectFixtures.copy("components", project);
        CompileDiagnostics diagnostics = new CompileDiagnostics();
        Compilation c = compile(project, diagnostics);

        assertThat(built(project, diagnostics, c)).isEqualTo(expected("components-serverless.yml"));
        assertThat(c.lambdas())
                .extracting(LambdaPackage::name)
                .containsExactly("my-function", "my-feeder", "my-both-task", "my-lambda-task");
    }

    @Test
    void componentsMadeByOurCreateBuildWithoutFindings() throws IOException {
        Path project = init(dir.resolve("proj"));
        create(
                project,
                ComponentType.TASK,
                "my-both-task",
                "A task",
                TaskPart.LAMBDA,
                TaskPart.BATCH);
        create(project, ComponentType.WORKFLOW, "my-workflow", "A test workflow");
        create(project, ComponentType.FEEDER, "my-feeder", "A test feeder");
        create(project, ComponentType.FUNCTION, "my-function", "A test function");
        CompileDiagnostics diagnostics = new CompileDiagnostics();
        Compilation c = compile(project, diagnostics);

        assertThat(diagnostics.all()).isEmpty();
        assertThat(c.serverless().get("functions"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsKeys("my-both-task", "my-feeder", "my-function");
    }
}
