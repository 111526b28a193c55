package cirrus.compile.cfn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cirrus.project.ComponentType;
import cirrus.project.PathDisplay;
import cirrus.scaffold.ComponentScaffold;
import cirrus.scaffold.ComponentScaffold.TaskPart;

/**
 * cfn-lint finds no error in the templates of the init project, upstream's test project and every
 * example project. One cfn-lint run checks them all.
 */
class CloudFormationLintTest {
    @TempDir Path dir;

    /**
     * The role upstream's test plugin names but cirrus v0.15.4 never defined: its compute
     * environment reads {@code BatchServiceRole.Arn}, so the project as upstream ships it does not
     * deploy (with serverless either).
     */
    static final String BATCH_SERVICE_ROLE =
            """
            Resources:
              BatchServiceRole:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument:
                    Version: "2012-10-17"
                    Statement:
                      - Effect: Allow
                        Principal:
                          Service: [batch.amazonaws.com]
                        Action: ["sts:AssumeRole"]
                  ManagedPolicyArns:
                    - arn:aws:iam::aws:policy/service-role/AWSBatchServiceRole
            """;

    @Test
    void upstreamsTestProjectNamesARoleNoneDefinesWhichIsReportedAtItsReference()
            throws IOException {
        Path project = Projects.init(dir.resolve("upstream"));

        var c = Projects.compile(project, Projects.upstreamTestPlugin(dir.resolve("plugin")));

        assertThat(c.stack()).isEmpty();
        assertThat(c.findings())
                .extracting(d -> d.code() + " " + d.message())
                .containsExactly(
                        "CIRRUS-CF009 Resources.TestPluginTaskComputeEnvironment.Properties.ServiceRole: Fn::GetAtt of 'BatchServiceRole', which is not a resource of the template");
    }

    @Test
    void theTemplatesOfTheInitUpstreamTestAndExampleProjectsLintWithoutErrors() throws Exception {
        List<Path> templates = new ArrayList<>();
        templates.add(write("init", Projects.compile(Projects.init(dir.resolve("init")))));

        // a fresh project with one component of each kind made by create: their Lambdas run on
        // init's provider runtime, which AWS must still let anyone create (E2533 otherwise)
        Path created = Projects.init(dir.resolve("created"));
        create(created, ComponentType.TASK, "my-task", TaskPart.LAMBDA, TaskPart.BATCH);
        create(created, ComponentType.FUNCTION, "my-function");
        create(created, ComponentType.FEEDER, "my-feeder");
        create(created, ComponentType.WORKFLOW, "my-workflow");
        templates.add(write("init-and-create", Projects.compile(created)));

        Path upstream = Projects.init(dir.resolve("upstream"));
        Files.writeString(
                upstream.resolve("cloudformation/batch-service-role.yml"), BATCH_SERVICE_ROLE);
        templates.add(
                write(
                        "upstream-test-project",
                        Projects.compile(
                                upstream, Projects.upstreamTestPlugin(dir.resolve("plugin")))));

        for (Path example : Projects.examples()) {
            templates.add(write("example-" + example.getFileName(), Projects.compile(example)));
        }

        assertThat(CfnLint.errors(templates)).isEmpty();
    }

    private static void create(Path project, ComponentType type, String name, TaskPart... parts)
            throws IOException {
        ComponentScaffold.create(
                project,
                new ComponentScaffold.Request(
                        type,
                        name,
                        "A " + type.typeName(),
                        parts.length == 0 ? Set.of(TaskPart.LAMBDA) : Set.of(parts)),
                new PathDisplay(project),
                (d, request) -> {});
    }

    private Path write(String name, Templates.Compiled compiled) throws IOException {
        assertThat(compiled.findings())
                .as(name + ": findings")
                .noneMatch(d -> d.severity().isError());
        return Files.writeString(
                dir.resolve(name + ".json"), compiled.stack().orElseThrow().json());
    }
}
