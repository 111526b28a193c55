package cirrus.compile;

import static cirrus.compile.ProjectFixtures.compile;
import static cirrus.compile.ProjectFixtures.init;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cirrus.diag.Diagnostic;
import cirrus.yaml.YamlWriter;

/** What the compiler does with enabled flags, overrides, duplicates and pseudo-parameters. */
class CompilerTest {
    @TempDir Path dir;
    Path project;
    CompileDiagnostics diagnostics = new CompileDiagnostics();

    @BeforeEach
    void setUp() throws IOException {
        project = init(dir.resolve("proj"));
    }

    void write(String path, String text) throws IOException {
        Path file = project.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    void pythonLambda(String group, String name, String extra) throws IOException {
        write(group + "/" + name + "/lambda_function.py", "def lambda_handler(e, c): return e\n");
        write(
                group + "/" + name + "/definition.yml",
                "description: "
                        + name
                        + "\n"
                        + extra
                        + "lambda:\n  handler: lambda_function.lambda_handler\n");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> section(Compilation c, String... path) {
        Object node = c.serverless();
        for (String key : path) {
            node = ((Map<String, Object>) node).get(key);
        }
        return (Map<String, Object>) node;
    }

    @Test
    void aUserComponentWithABuiltinsNameReplacesItAndCanDisableIt() throws IOException {
        write("functions/update-state/definition.yml", "description: temporarily disabled\n");
        Compilation c = compile(project, diagnostics);

        assertThat(section(c, "functions"))
                .doesNotContainKey("update-state")
                .containsKey("process");
        assertThat(diagnostics.all())
                .extracting(Diagnostic::message)
                .contains("Duplicate function declaration 'update-state', overriding");
    }

    @Test
    void disabledComponentsAndPartsAreLeftOut() throws IOException {
        pythonLambda("tasks", "off", "enabled: false\n");
        pythonLambda("tasks", "lambda-off", "");
        write(
                "tasks/lambda-off/definition.yml",
                "description: x\nlambda:\n  enabled: false\n  handler: lambda_function.lambda_handler\n"
                        + "batch:\n  resources:\n    Resources:\n      LambdaOffJob:\n"
                        + "        Type: AWS::Batch::JobDefinition\n");
        write(
                "tasks/batch-off/definition.yml",
                "description: x\nbatch:\n  enabled: false\n  resources:\n    Resources:\n"
                        + "      BatchOffJob:\n        Type: AWS::Batch::JobDefinition\n");
        write(
                "workflows/wf-off/definition.yml",
                "enabled: false\nname: x\ndefinition:\n  StartAt: a\n  States: {}\n");
        Compilation c = compile(project, diagnostics);

        assertThat(section(c, "functions")).doesNotContainKeys("off", "lambda-off", "batch-off");
        assertThat(section(c, "resources", "Resources"))
                .containsKey("LambdaOffJob")
                .doesNotContainKey("BatchOffJob");
        assertThat(section(c, "stepFunctions", "stateMachines")).doesNotContainKey("wf-off");
        assertThat(c.lambdas()).extracting(LambdaPackage::name).isEmpty();
        assertThat(diagnostics.hasErrors()).isFalse();
    }

    @Test
    void aLambdaNameIsUsedOnceAcrossGroups() throws IOException {
        pythonLambda("feeders", "shared", "");
        pythonLambda("tasks", "shared", "");
        pythonLambda("tasks", "api", "");
        Compilation c = compile(project, diagnostics);

        assertThat(c.lambdas())
                .extracting(LambdaPackage::sourceDirectory)
                .containsExactly(project.resolve("feeders/shared"));
        assertThat(section(c, "functions", "api")).containsEntry("runtime", "java21");
        assertThat(diagnostics.all())
                .extracting(Diagnostic::message)
                .contains(
                        "Duplicate lambda declaration: 'shared (lambda)', skipping",
                        "Duplicate lambda declaration: 'api (lambda)', skipping");
    }

    @Test
    void laterCloudFormationObjectsWinButKeepTheirPosition() throws IOException {
        write(
                "cloudformation/zz-extra.yml",
                "Description: ignored\nParameters:\n  MyParam:\n    Type: String\n"
                        + "Resources:\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n"
                        + "      BucketName: overridden\n");
        Compilation c = compile(project, diagnostics);

        Map<String, Object> resources = section(c, "resources", "Resources");
        List<String> names = List.copyOf(resources.keySet());
        assertThat(names.indexOf("Data")).isEqualTo(names.indexOf("Payloads") - 1);
        assertThat(section(c, "resources", "Resources", "Data", "Properties"))
                .containsEntry("BucketName", "overridden");
        assertThat(section(c, "resources").keySet())
                .containsExactly("Description", "Resources", "Outputs", "Conditions", "Parameters");
        assertThat(diagnostics.all())
                .extracting(Diagnostic::message)
                .contains("Duplicate Resources declaration 'Data', overriding");
    }

    @Test
    void pseudoParametersBecomeSubExceptInsideSubAndOtherPlaceholdersStay() throws IOException {
        write(
                "cloudformation/pp.yml",
                "Resources:\n  Pp:\n    Type: AWS::SNS::Topic\n    Properties:\n"
                        + "      TopicName: \"#{AWS::StackName}-t\"\n"
                        + "      List: [\"x-#{AWS::Region}\", plain]\n"
                        + "      Sub: !Sub \"y-#{AWS::Region}\"\n"
                        + "      SubList: !Sub [\"#{AWS::StackName}-${S}\", {S: z}]\n"
                        + "      Queue: \"#{MyQueue}\"\n"
                        + "      Var: ${self:service}-#{AWS::AccountId}\n");
        Compilation c = compile(project, diagnostics);

        String yaml = YamlWriter.write(section(c, "resources", "Resources", "Pp"));
        assertThat(yaml)
                .isEqualTo(
                        """
                        Type: AWS::SNS::Topic
                        Properties:
                          TopicName:
                            Fn::Sub: ${AWS::StackName}-t
                          List:
                            - Fn::Sub: x-${AWS::Region}
                            - plain
                          Sub:
                            Fn::Sub: y-${AWS::Region}
                          SubList:
                            Fn::Sub:
                              - ${AWS::StackName}-${S}
                              - S: z
                          Queue: '#{MyQueue}'
                          Var:
                            Fn::Sub: ${self:service}-${AWS::AccountId}
                        """);
    }

    @Test
    void requirementsAreMergedSortedAndCheckedPerLambda() throws IOException {
        write(
                "cirrus.yml",
                Files.readString(project.resolve("cirrus.yml"))
                        .replace(
                                "  pythonRequirements:\n",
                                "  pythonRequirements:\n    include:\n      - requests==2.31.0\n"));
        pythonLambda("tasks", "good", "");
        write(
                "tasks/good/definition.yml",
                "lambda:\n  handler: lambda_function.lambda_handler\n"
                        + "  pythonRequirements:\n    include: [zeep, boto3>=1.26.0]\n");
        pythonLambda("tasks", "bad", "");
        write(
                "tasks/bad/definition.yml",
                "lambda:\n  handler: lambda_function.lambda_handler\n"
                        + "  pythonRequirements:\n    include: [requests==2.0, 'not a requirement']\n");
        Compilation c = compile(project, diagnostics);

        assertThat(c.lambdas())
                .singleElement()
                .satisfies(
                        p ->
                                assertThat(p.requirements())
                                        .containsExactly(
                                                "boto3-utils~=0.4.1",
                                                "boto3>=1.26.0",
                                                "jsonpath-ng>=1.5.3",
                                                "python-dateutil~=2.9.0",
                                                "python-json-logger~=2.0",
                                                "requests==2.31.0",
                                                "zeep"));
        assertThat(section(c, "custom", "pythonRequirements")).doesNotContainKey("include");
        assertThat(section(c, "functions", "good")).doesNotContainKey("pythonRequirements");
        assertThat(diagnostics.all())
                .filteredOn(d -> d.severity().isError())
                .extracting(d -> d.location().toString() + " " + d.code())
                .containsExactly(project.resolve("tasks/bad/definition.yml") + ":4:5 CIRRUS-B004");
    }

    @Test
    void aLargeGroupReportsItsProblemsInDirectoryOrder() throws IOException {
        for (int i = 0; i < 40; i++) {
            String name = String.format("t%02d", i);
            pythonLambda("tasks", name, "");
            if (i % 9 == 4) {
                write("tasks/" + name + "/definition.yml", "lambda: [unclosed\n");
            }
        }
        compile(project, diagnostics);

        assertThat(diagnostics.all())
                .filteredOn(d -> d.severity().isError())
                .extracting(d -> project.relativize(d.location().file()).toString())
                .containsExactly(
                        "tasks/t04/definition.yml",
                        "tasks/t13/definition.yml",
                        "tasks/t22/definition.yml",
                        "tasks/t31/definition.yml");
    }
}
