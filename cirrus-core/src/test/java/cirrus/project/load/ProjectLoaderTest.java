package cirrus.project.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cirrus.project.CloudFormationObject;
import cirrus.project.CloudFormationSection;
import cirrus.project.Component;
import cirrus.project.ComponentType;
import cirrus.project.Fixtures;
import cirrus.project.Project;
import cirrus.scaffold.ComponentScaffold;
import cirrus.scaffold.ComponentScaffold.TaskPart;
import cirrus.scaffold.ProjectInitializer;
import cirrus.yaml.YamlException;

class ProjectLoaderTest {
    @TempDir Path dir;

    @BeforeEach
    void initProject() throws IOException {
        ProjectInitializer.initialize(dir);
    }

    private void create(ComponentType type, String name, TaskPart... parts) throws IOException {
        ComponentScaffold.create(
                dir,
                new ComponentScaffold.Request(type, name, "A " + name, Set.of(parts)),
                new cirrus.project.PathDisplay(dir),
                (d, r) -> {});
    }

    private static List<String> names(List<Component> components) {
        return components.stream().map(Component::name).toList();
    }

    @Test
    void builtInComponentsComeFirstThenTheProjectsSortedByName() throws IOException {
        create(ComponentType.TASK, "zeta", TaskPart.LAMBDA);
        create(ComponentType.TASK, "alpha", TaskPart.BATCH);
        Project project = Fixtures.open(dir).project();
        assertThat(names(project.components(ComponentType.TASK)))
                .containsExactly("post-batch", "pre-batch", "publish", "alpha", "zeta");
        assertThat(names(project.components(ComponentType.FUNCTION)))
                .containsExactly("api", "process", "update-state");
        assertThat(names(project.components(ComponentType.FEEDER))).containsExactly("feed-rerun");
        assertThat(names(project.components(ComponentType.WORKFLOW)))
                .containsExactly("publish-only");
    }

    @Test
    void aProjectComponentNamedLikeABuiltInReplacesItInPlace() throws IOException {
        Path override = Files.createDirectories(dir.resolve("functions/update-state"));
        Files.writeString(
                override.resolve("definition.yml"), "description: temporarily disabled\n");
        Fixtures.Loaded loaded = Fixtures.open(dir);
        List<Component> functions = loaded.project().components(ComponentType.FUNCTION);
        assertThat(functions)
                .extracting(Component::displayName)
                .containsExactly("api (built-in)", "process (built-in)", "update-state (DISABLED)");
        assertThat(loaded.warningMessages())
                .containsExactly("Duplicate function declaration 'update-state', overriding");
    }

    @Test
    void hiddenEntriesAreIgnoredAndStrayFilesSkippedWithAWarning() throws IOException {
        Files.writeString(dir.resolve("tasks/README.md"), "notes");
        Files.createDirectories(dir.resolve("tasks/.hidden"));
        Files.createDirectories(dir.resolve("tasks/__pycache__"));
        Fixtures.Loaded loaded = Fixtures.open(dir);
        assertThat(names(loaded.project().components(ComponentType.TASK)))
                .containsExactly("post-batch", "pre-batch", "publish");
        assertThat(loaded.warningMessages())
                .containsExactly(
                        "Skipping task 'README.md': Cannot load task from './tasks/README.md':"
                                + " not a directory.");
    }

    @Test
    void groupsLoadOnlyWhenUsedSoABrokenTaskDoesNotStopOtherGroups() throws IOException {
        Path broken = Files.createDirectories(dir.resolve("tasks/no-handler"));
        Files.writeString(broken.resolve("definition.yml"), "lambda: {memorySize: 1}\n");
        Project project = Fixtures.open(dir).project();
        assertThat(names(project.components(ComponentType.FEEDER))).containsExactly("feed-rerun");
        assertThatThrownBy(() -> project.components(ComponentType.TASK))
                .hasMessageContaining("Offending task: no-handler");
        assertThatThrownBy(project::cloudFormation).hasMessageContaining("Offending task");
    }

    @Test
    void cloudFormationIsCollectedBuiltInThenProjectFilesThenBatchTasks() throws IOException {
        create(ComponentType.TASK, "my-batch-task", TaskPart.BATCH);
        create(ComponentType.TASK, "my-lambda-task", TaskPart.LAMBDA);
        List<CloudFormationObject> objects = Fixtures.open(dir).project().cloudFormation();
        List<CloudFormationObject> resources =
                objects.stream()
                        .filter(o -> o.section() == CloudFormationSection.RESOURCES)
                        .toList();
        assertThat(resources.get(0).origin()).isEqualTo("built-in");
        assertThat(resources)
                .extracting(CloudFormationObject::name)
                .containsSubsequence("Data", "Payloads", "pubPrivateVPC", "MyBatchTaskJobQueue");
        CloudFormationObject queue =
                resources.stream()
                        .filter(o -> o.name().equals("MyBatchTaskJobQueue"))
                        .findFirst()
                        .orElseThrow();
        assertThat(queue.origin()).isEqualTo("task my-batch-task");
        assertThat(queue.type()).contains("AWS::Batch::JobQueue");
        assertThat(objects.get(0).section()).isEqualTo(CloudFormationSection.CONDITIONS);
    }

    @Test
    void laterCloudFormationObjectsReplaceEarlierOnesInPlaceAndUnknownSectionsAreSkipped()
            throws IOException {
        Files.writeString(
                dir.resolve("cloudformation/zz-extra.yml"),
                "AWSTemplateFormatVersion: '2010-09-09'\n"
                        + "Description: extra\n"
                        + "Foo:\n  Bar: {}\n"
                        + "Parameters:\n  MyParam:\n    Type: String\n"
                        + "Resources:\n  Data:\n    Type: AWS::S3::Bucket\n"
                        + "    Properties: {BucketName: mine}\n");
        Fixtures.Loaded loaded = Fixtures.open(dir);
        List<CloudFormationObject> resources =
                loaded.project().cloudFormation().stream()
                        .filter(o -> o.section() == CloudFormationSection.RESOURCES)
                        .toList();
        List<String> names = resources.stream().map(CloudFormationObject::name).toList();
        assertThat(names.indexOf("Data")).isLessThan(names.indexOf("Payloads"));
        CloudFormationObject data = resources.get(names.indexOf("Data"));
        assertThat(data.origin()).isEqualTo("./cloudformation/zz-extra.yml");
        assertThat(((Map<?, ?>) data.definition()).get("Properties"))
                .isEqualTo(Map.of("BucketName", "mine"));
        assertThat(loaded.warningMessages())
                .containsExactly(
                        "Skipping item 'Bar': Unknown cloudformation type 'Foo'",
                        "Duplicate Resources declaration 'Data', overriding");
        assertThat(loaded.warnings().get(0).location().toString())
                .isEqualTo(dir.resolve("cloudformation/zz-extra.yml") + ":3:1");
    }

    @Test
    void jobDefinitionsOutsideTasksGetTheProviderEnvironment() {
        CloudFormationObject geo =
                Fixtures.open(dir).project().cloudFormation().stream()
                        .filter(o -> o.name().equals("GeoLambdaAsBatchJob"))
                        .findFirst()
                        .orElseThrow();
        Map<?, ?> container =
                (Map<?, ?>)
                        ((Map<?, ?>) ((Map<?, ?>) geo.definition()).get("Properties"))
                                .get("ContainerProperties");
        List<?> env = (List<?>) container.get("Environment");
        List<Object> names = env.stream().map(e -> (Object) ((Map<?, ?>) e).get("Name")).toList();
        assertThat(names)
                .startsWith("CIRRUS_LOG_LEVEL")
                .endsWith("AWS_DEFAULT_REGION", "AWS_REGION", "GDAL_DATA", "PROJ_LIB");
    }

    @Test
    void malformedCloudFormationYamlIsAnError() throws IOException {
        Files.writeString(dir.resolve("cloudformation/bad.yml"), "Resources:\n  X: [\n");
        Project project = Fixtures.open(dir).project();
        assertThatThrownBy(project::cloudFormation).isInstanceOf(YamlException.class);
    }

    @Test
    void withoutAProjectOnlyBuiltInElementsAreListed() {
        Project project =
                ProjectLoader.open(
                        java.util.Optional.empty(),
                        List.of(new BuiltinResources()),
                        new cirrus.project.PathDisplay(dir),
                        d -> {});
        assertThat(names(project.components(ComponentType.TASK)))
                .containsExactly("post-batch", "pre-batch", "publish");
        assertThat(project.cloudFormation())
                .extracting(CloudFormationObject::name)
                .doesNotContain("Data");
    }
}
