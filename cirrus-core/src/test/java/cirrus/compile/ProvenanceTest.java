package cirrus.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cirrus.project.ComponentType;
import cirrus.project.Source;
import cirrus.scaffold.ComponentScaffold;

/**
 * The compiler records where each element of the compiled tree was declared, so findings about it
 * point at the user's file.
 */
class ProvenanceTest {
    @TempDir Path dir;

    @Test
    void functionsStateMachinesAndResourcesPointAtTheirFiles() throws IOException {
        Path project = ProjectFixtures.init(dir.resolve("proj"));
        ProjectFixtures.create(
                project,
                ComponentType.TASK,
                "my-task",
                "x",
                ComponentScaffold.TaskPart.LAMBDA,
                ComponentScaffold.TaskPart.BATCH);
        ProjectFixtures.create(project, ComponentType.WORKFLOW, "my-workflow", "x");

        Provenance p = ProjectFixtures.compile(project, new CompileDiagnostics()).provenance();

        assertThat(p.at(List.of()).orElseThrow().file()).isEqualTo(project.resolve("cirrus.yml"));
        Provenance.Origin fn = p.at(List.of("functions", "my-task")).orElseThrow();
        assertThat(fn.file()).isEqualTo(project.resolve("tasks/my-task/definition.yml"));
        assertThat(fn.path()).containsExactly("lambda");
        assertThat(fn.component().orElseThrow().name()).isEqualTo("my-task");
        Provenance.Origin sm =
                p.at(List.of("stepFunctions", "stateMachines", "my-workflow")).orElseThrow();
        assertThat(sm.file()).isEqualTo(project.resolve("workflows/my-workflow/definition.yml"));
        Provenance.Origin queue =
                p.at(List.of("resources", "Resources", "MyTaskJobQueue")).orElseThrow();
        assertThat(queue.file()).isEqualTo(project.resolve("tasks/my-task/definition.yml"));
        assertThat(queue.path())
                .containsExactly("batch", "resources", "Resources", "MyTaskJobQueue");
        Provenance.Origin data = p.at(List.of("resources", "Resources", "Data")).orElseThrow();
        assertThat(data.file()).isEqualTo(project.resolve("cloudformation/s3.yml"));
        assertThat(p.at(List.of("functions", "publish")).orElseThrow().source())
                .isEqualTo(Source.BUILT_IN);

        Provenance.Origin deep =
                p.of(List.of("resources", "Resources", "Data", "Properties", "BucketName"))
                        .orElseThrow();
        assertThat(deep.path()).containsExactly("Resources", "Data", "Properties", "BucketName");
    }
}
