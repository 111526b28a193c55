package cirrus.project.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cirrus.diag.Diagnostic;
import cirrus.project.CirrusConfig;
import cirrus.project.Component;
import cirrus.project.ComponentType;
import cirrus.project.PathDisplay;
import cirrus.project.ProjectException;
import cirrus.project.Source;
import cirrus.project.Task;
import cirrus.project.Workflow;
import cirrus.yaml.YamlException;

class ComponentLoaderTest {
    @TempDir Path dir;
    private final List<Diagnostic> warnings = new ArrayList<>();

    private ComponentLoader loader() {
        return new ComponentLoader(CirrusConfig.none(), new PathDisplay(dir), warnings::add);
    }

    private Path component(String name, String definition, String... files) throws IOException {
        Path c = Files.createDirectories(dir.resolve("tasks").resolve(name));
        Files.writeString(c.resolve("definition.yml"), definition);
        for (String f : files) {
            Files.writeString(c.resolve(f), "");
        }
        return c;
    }

    /** The enabled logic of cirrus v0.15.4, behaviour reference §3.2, case by case. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            lambda only                     | lambda: {handler: h.f}                                         | true  | false | (lambda)
            batch only                      | batch: {resources: {}}                                          | false | true  | (batch)
            batch with a resource           | 'batch: {resources: {Resources: {X: {Type: T}}}}'               | false | true  | (batch)
            both                            | 'lambda: {handler: h.f}\nbatch: {resources: {Resources: {}}}'   | true  | true  | (lambda, batch)
            component disabled              | 'enabled: false\nlambda: {handler: h.f}\nbatch: {x: 1}'        | false | false | (DISABLED)
            lambda part disabled            | 'lambda: {handler: h.f, enabled: false}\nbatch: {x: 1}'        | false | true  | (batch)
            batch part disabled             | 'lambda: {handler: h.f}\nbatch: {enabled: false}'              | true  | false | (lambda)
            description only                | description: d                                                  | false | false | (DISABLED)
            empty lambda block              | 'lambda: {}'                                                    | false | false | (DISABLED)
            disabled lambda without handler | 'lambda: {enabled: false, memorySize: 1}'                       | false | false | (DISABLED)
            image lambda without handler    | 'lambda: {image: repo/x}'                                       | true  | false | (lambda)
            """)
    void enabledFlagsCombineLikeCirrusV0(
            String title, String yaml, boolean lambda, boolean batch, String attributes)
            throws Exception {
        Path c = component("t", yaml.replace("\\n", "\n"), "h.py");
        Task task = (Task) loader().load(ComponentType.TASK, "t", c, Source.PROJECT);
        assertThat(task.lambda().enabled()).as("lambda enabled").isEqualTo(lambda);
        assertThat(task.batch().enabled()).as("batch enabled").isEqualTo(batch);
        String shown = task.displayName().equals("t") ? "()" : task.displayName().substring(2);
        assertThat(shown).isEqualTo(attributes.equals("()") ? "()" : attributes);
    }

    @Test
    void anEnabledLambdaWithoutHandlerStopsTheCommand() throws IOException {
        Path c = component("no-handler", "lambda: {memorySize: 128}\n");
        assertThatThrownBy(() -> loader().load(ComponentType.TASK, "no-handler", c, Source.PROJECT))
                .isInstanceOf(ProjectException.class)
                .hasMessageContaining("Missing module parameter in lambda definition.yml")
                .hasMessageContaining("Offending task: no-handler");
    }

    @Test
    void aMissingHandlerFileSkipsTheComponentWithAWarning() throws IOException {
        Path c = component("missing-file", "lambda: {handler: lambda_function.handler}\n");
        assertThat(loader().loadOrSkip(ComponentType.TASK, "missing-file", c, Source.PROJECT))
                .isEmpty();
        assertThat(warnings)
                .extracting(Diagnostic::message)
                .containsExactly(
                        "Skipping task 'missing-file': Cannot load PythonHandler from"
                                + " './tasks/missing-file/lambda_function.py': not a file");
    }

    @Test
    void aMissingDefinitionSkipsTheComponentWithAWarning() throws IOException {
        Path c = Files.createDirectories(dir.resolve("tasks/empty"));
        assertThat(loader().loadOrSkip(ComponentType.TASK, "empty", c, Source.PROJECT)).isEmpty();
        assertThat(warnings.get(0).message())
                .isEqualTo(
                        "Skipping task 'empty': Cannot load definition from"
                                + " './tasks/empty/definition.yml': not a file");
    }

    @Test
    void malformedYamlIsAnErrorWithFileLineAndColumn() throws IOException {
        Path c = component("bad", "description: x\nlambda: [unclosed\n");
        assertThatThrownBy(() -> loader().load(ComponentType.TASK, "bad", c, Source.PROJECT))
                .isInstanceOf(YamlException.class)
                .satisfies(
                        e -> {
                            Diagnostic d = ((YamlException) e).diagnostic();
                            assertThat(d.code()).isEqualTo(YamlException.SYNTAX);
                            assertThat(d.location().line()).isEqualTo(3);
                        });
    }

    @Test
    void aDefinitionThatIsNotAMappingIsAnError() throws IOException {
        Path c = component("list", "- a\n- b\n");
        assertThatThrownBy(() -> loader().load(ComponentType.TASK, "list", c, Source.PROJECT))
                .isInstanceOf(ProjectException.class)
                .extracting(e -> ((ProjectException) e).code())
                .isEqualTo(ComponentLoader.NOT_A_MAPPING);
    }

    @Test
    void handlerFilesFollowPythonsWithSuffix() {
        assertThat(LambdaConfigs.handlerFile("lambda_function.lambda_handler"))
                .isEqualTo("lambda_function.py");
        assertThat(LambdaConfigs.handlerFile("src/app.handler")).isEqualTo("src/app.py");
        assertThat(LambdaConfigs.handlerFile("a.b.c")).isEqualTo("a.b.py");
        assertThat(LambdaConfigs.handlerFile("handler")).isEqualTo("handler.py");
        assertThat(LambdaConfigs.handlerFile("pkg.v1/handler")).isEqualTo("pkg.v1/handler.py");
    }

    @Test
    void aWorkflowIsItsDefinitionWithoutEnabledDescribedByItsComment() throws Exception {
        Path c = Files.createDirectories(dir.resolve("workflows/wf"));
        Files.writeString(
                c.resolve("definition.yml"),
                "name: wf\nenabled: false\ndefinition:\n  Comment: Does things\n  StartAt: a\n");
        Component component = loader().load(ComponentType.WORKFLOW, "wf", c, Source.PROJECT);
        Workflow workflow = (Workflow) component;
        assertThat(workflow.description()).isEqualTo("Does things");
        assertThat(workflow.isActive()).isFalse();
        assertThat(workflow.stateMachine()).containsOnlyKeys("name", "definition");
        assertThat(workflow.displayName()).isEqualTo("wf (DISABLED)");
    }
}
