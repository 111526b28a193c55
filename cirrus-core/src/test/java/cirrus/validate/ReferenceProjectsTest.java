package cirrus.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cirrus.project.ComponentType;
import cirrus.project.PathDisplay;
import cirrus.scaffold.ComponentScaffold;
import cirrus.scaffold.ProjectInitializer;

/**
 * The projects users start from validate as {@code docs/validation.md} says: {@code cirrus init}
 * clean, the built-in components with four documented warnings, {@code cirrus create} output with
 * the warnings its templates earn, and the upstream test project with its one real error.
 */
class ReferenceProjectsTest {
    @TempDir Path dir;

    private Path init() throws IOException {
        Path project = Files.createDirectories(dir.resolve("proj"));
        ProjectInitializer.initialize(project);
        return project;
    }

    @Test
    void theInitProjectHasNoFindings() throws IOException {
        Path project = init();

        Validation.Report report = FixtureProject.validate(project, false);

        assertThat(FixtureProject.lines(report, project)).isEmpty();
        assertThat(report.hiddenBuiltinWarnings()).isEqualTo(4);
    }

    @Test
    void theBuiltinsWarnOnlyAboutWhatTheDocsExplain() throws IOException {
        Path project = init();

        List<String> lines = FixtureProject.lines(FixtureProject.validate(project, true), project);

        assertThat(lines)
                .containsExactly(
                        "<built-in>/cloudformation/batch-jobs.yml:2:3: warning[CIRRUS-V503] job"
                                + " definition 'GeoLambdaAsBatchJob' has no JobRoleArn and runs with"
                                + " the instance role (give the container a JobRoleArn with only the"
                                + " permissions the job needs)",
                        "<built-in>/cloudformation/batch-jobs.yml:25:3: warning[CIRRUS-V503] job"
                                + " definition 'LambdaAsBatchJob' has no JobRoleArn and runs with the"
                                + " instance role (give the container a JobRoleArn with only the"
                                + " permissions the job needs)",
                        "<built-in>/feeders/feed-rerun/definition.yml:25:17:"
                                + " warning[CIRRUS-V502] a statement of function 'feed-rerun' allows"
                                + " logs:CreateLogStream, logs:PutLogEvents on every resource (name"
                                + " the resources: ARNs, !GetAtt X.Arn, or prefixes such as"
                                + " arn:aws:s3:::bucket/*)",
                        "<built-in>/tasks/publish/definition.yml:26:17: warning[CIRRUS-V502] a"
                                + " statement of function 'publish' allows s3:PutObject,"
                                + " s3:PutObjectAcl on every resource (name the resources: ARNs,"
                                + " !GetAtt X.Arn, or prefixes such as arn:aws:s3:::bucket/*)");
        String docs = Files.readString(Path.of("../docs/validation.md"));
        for (String explained :
                Set.of("GeoLambdaAsBatchJob", "LambdaAsBatchJob", "feed-rerun", "publish")) {
            assertThat(docs)
                    .as("docs/validation.md explains the built-in warning about " + explained)
                    .contains("`" + explained + "`");
        }
    }

    @Test
    void componentsMadeByCirrusCreateWarnAboutTheirTemplatesOnly() throws IOException {
        Path project = init();
        create(project, ComponentType.TASK, "my-lambda-task", ComponentScaffold.TaskPart.LAMBDA);
        create(project, ComponentType.TASK, "my-batch-task", ComponentScaffold.TaskPart.BATCH);
        create(
                project,
                ComponentType.TASK,
                "my-both-task",
                ComponentScaffold.TaskPart.LAMBDA,
                ComponentScaffold.TaskPart.BATCH);
        create(project, ComponentType.WORKFLOW, "my-workflow");
        create(project, ComponentType.FEEDER, "my-feeder");
        create(project, ComponentType.FUNCTION, "my-function");

        List<String> lines = FixtureProject.lines(FixtureProject.validate(project, false), project);

        assertThat(lines).filteredOn(l -> l.contains("error[")).isEmpty();
        assertThat(lines)
                .filteredOn(l -> l.contains("[CIRRUS-V002] 'iamRoleStatements' is ignored here"))
                .hasSize(5);
        assertThat(lines)
                .filteredOn(l -> !l.contains("[CIRRUS-V002] 'iamRoleStatements' is ignored here"))
                .containsExactly(
                        "tasks/my-batch-task/definition.yml:117:19: warning[CIRRUS-V314] job definition"
                                + " 'MyBatchTaskAsBatchJob' runs the code of Lambda 'my-batch-task', which"
                                + " is not deployed (enable the task's lambda, whose code run-lambda"
                                + " downloads, or run an image of your own)");
    }

    @Test
    void theUpstreamTestProjectNamesARoleNoTemplateDeclares() throws IOException {
        Path project = init();
        FixtureProject.copy(
                FixtureProject.resource("/validate/upstream-test-project/plugin"),
                project.resolve("plugin"));

        List<String> lines = FixtureProject.lines(FixtureProject.validate(project, false), project);

        assertThat(lines)
                .containsExactly(
                        "plugin/tasks/test-batch-task/definition.yml:8:7: warning[CIRRUS-V503] job"
                                + " definition 'TestPluginTaskAsBatchJob' has no JobRoleArn and runs with"
                                + " the instance role (give the container a JobRoleArn with only the"
                                + " permissions the job needs)",
                        "plugin/tasks/test-batch-task/definition.yml:30:26: error[CIRRUS-V102]"
                                + " Fn::GetAtt of 'BatchServiceRole', which no deployed template declares"
                                + " (declare the resource, or fix the name)");
    }

    private static void create(
            Path project, ComponentType type, String name, ComponentScaffold.TaskPart... parts)
            throws IOException {
        ComponentScaffold.create(
                project,
                new ComponentScaffold.Request(
                        type,
                        name,
                        "A " + type.typeName(),
                        parts.length == 0
                                ? Set.of(ComponentScaffold.TaskPart.LAMBDA)
                                : Set.of(parts)),
                new PathDisplay(project),
                (d, request) -> {});
    }
}
