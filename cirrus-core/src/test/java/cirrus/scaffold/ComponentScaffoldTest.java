package cirrus.scaffold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cirrus.project.ComponentType;
import cirrus.project.Fixtures;
import cirrus.project.PathDisplay;
import cirrus.project.ProjectException;
import cirrus.scaffold.ComponentScaffold.Request;
import cirrus.scaffold.ComponentScaffold.TaskPart;
import cirrus.yaml.YamlLoader;

class ComponentScaffoldTest {
    @TempDir Path dir;

    /** The files cirrus v0.15.4's {@code create} wrote (golden 90), by relative path. */
    private static Map<String, String> goldenFiles() {
        Map<String, String> files = new LinkedHashMap<>();
        String[] parts =
                Fixtures.text("golden/90-created-component-files.txt").split("(?m)^===== ");
        for (String part : parts) {
            if (!part.isEmpty()) {
                int nl = part.indexOf('\n');
                files.put(part.substring(0, nl), part.substring(nl + 1));
            }
        }
        return files;
    }

    /**
     * The one intended difference from cirrus v0.15.4's templates: CloudFormation logical ids are
     * derived with {@link LogicalId} ({@code my-batch-taskJobQueue} → {@code MyBatchTaskJobQueue});
     * names used as names (job definition name, command) are unchanged.
     */
    private static String withValidLogicalIds(String text, String name) {
        return text.replaceAll(
                java.util.regex.Pattern.quote(name)
                        + "(ComputeEnvironment|JobQueue|JobRole|AsBatchJob)",
                LogicalId.of(name) + "$1");
    }

    private Path create(ComponentType type, String name, String description, TaskPart... parts)
            throws IOException {
        return ComponentScaffold.create(
                dir,
                new Request(type, name, description, Set.of(parts)),
                new PathDisplay(dir),
                (d, r) -> {});
    }

    @ParameterizedTest
    @CsvSource({
        "tasks/my-lambda-task/definition.yml, TASK, my-lambda-task, A lambda task, LAMBDA",
        "tasks/my-batch-task/definition.yml, TASK, my-batch-task, A batch task, BATCH",
        "tasks/my-both-task/definition.yml, TASK, my-both-task, A lambda and batch task, BOTH",
        "workflows/my-workflow/definition.yml, WORKFLOW, my-workflow, A test workflow, LAMBDA",
        "feeders/my-feeder/lambda_function.py, FEEDER, my-feeder, A test feeder, LAMBDA",
        "tasks/my-lambda-task/README.md, TASK, my-lambda-task, A lambda task, LAMBDA",
    })
    void writesTheTemplatesOfCirrusV0(
            String file, ComponentType type, String name, String description, String parts)
            throws IOException {
        TaskPart[] taskParts =
                parts.equals("BOTH")
                        ? new TaskPart[] {TaskPart.LAMBDA, TaskPart.BATCH}
                        : new TaskPart[] {TaskPart.valueOf(parts)};
        create(type, name, description, taskParts);
        String expected = withValidLogicalIds(goldenFiles().get(file), name);
        assertThat(Files.readString(dir.resolve(file))).isEqualTo(expected);
        assertThat(Files.readString(dir.resolve(file))).endsWith("\n");
    }

    @Test
    void aBatchOnlyTaskHasNoHandlerAndAWorkflowHasNoTestPayload() throws IOException {
        Path task = create(ComponentType.TASK, "b", "d", TaskPart.BATCH);
        assertThat(task.resolve("lambda_function.py")).doesNotExist();
        assertThat(task.resolve("README.md")).exists();
        Path workflow = create(ComponentType.WORKFLOW, "w", "d");
        try (var files = Files.list(workflow)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("definition.yml", "README.md");
        }
    }

    @Test
    void descriptionsThatWouldChangeTheYamlAreQuoted() throws IOException {
        Path task = create(ComponentType.FEEDER, "f", "Note: this # is 'quoted'");
        Map<String, Object> definition =
                YamlLoader.load(task.resolve("definition.yml")).rootMap().orElseThrow();
        assertThat(definition.get("description")).isEqualTo("Note: this # is 'quoted'");
    }

    @Test
    void anExistingComponentIsNotTouched() throws IOException {
        Path task = create(ComponentType.TASK, "dup", "first", TaskPart.LAMBDA);
        assertThatThrownBy(() -> create(ComponentType.TASK, "dup", "second", TaskPart.LAMBDA))
                .isInstanceOf(ProjectException.class)
                .hasMessageContaining("Cannot create Task at './tasks/dup': already exists.");
        assertThat(task.resolve("definition.yml")).content().contains("description: first");
    }

    @Test
    void aRejectedComponentLeavesNothingBehind() {
        assertThatThrownBy(
                        () ->
                                ComponentScaffold.create(
                                        dir,
                                        new Request(
                                                ComponentType.TASK,
                                                "t",
                                                "d",
                                                Set.of(TaskPart.LAMBDA)),
                                        new PathDisplay(dir),
                                        (d, r) -> {
                                            throw new IllegalStateException("rejected");
                                        }))
                .hasMessage("rejected");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void namesMustBeUsableAsDirectoryAndFunctionNames() {
        assertThat(ComponentScaffold.isValidName("my-task_2")).isTrue();
        assertThat(ComponentScaffold.isValidName("../x")).isFalse();
        assertThat(ComponentScaffold.isValidName(".hidden")).isFalse();
        assertThat(ComponentScaffold.isValidName("-x")).isFalse();
        assertThat(ComponentScaffold.isValidName("a b")).isFalse();
    }

    @Test
    void logicalIdsKeepOnlyLettersAndDigits() {
        assertThat(LogicalId.of("my-batch-task")).isEqualTo("MyBatchTask");
        assertThat(LogicalId.of("my_task2")).isEqualTo("MyTask2");
        assertThat(LogicalId.of("Already")).isEqualTo("Already");
        assertThat(LogicalId.of("2fast")).isEqualTo("2fast");
    }

    @Test
    void plainDescriptionsStayPlain() {
        assertThat(YamlText.scalar("A lambda task")).isEqualTo("A lambda task");
        assertThat(YamlText.scalar("yes")).isEqualTo("\"yes\"");
        assertThat(YamlText.scalar("12 tasks")).isEqualTo("\"12 tasks\"");
        assertThat(YamlText.scalar("a: b")).isEqualTo("\"a: b\"");
        assertThat(YamlText.scalar("say \"hi\"")).isEqualTo("say \"hi\"");
        assertThat(YamlText.scalar("- item")).isEqualTo("\"- item\"");
    }
}
