package cirrus.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cirrus.cli.Cli;
import cirrus.cli.Environment;
import cirrus.cli.ExitCode;

/** {@code cirrus show tasks NAME} lists the files a task really has. */
class ShowComponentsCommandTest {
    @TempDir Path project;
    String out;
    String err;

    int run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code =
                Cli.run(
                        args,
                        new PrintWriter(o),
                        new PrintWriter(e),
                        new Environment(project, Map.of()));
        out = o.toString();
        err = e.toString();
        return code;
    }

    @BeforeEach
    void init() {
        assertThat(run("init", project.toString())).isEqualTo(ExitCode.OK);
    }

    @Test
    void aJavaLambdaTaskListsNoPythonHandlerFile() throws IOException {
        Path dir = Files.createDirectories(project.resolve("tasks/to-stac"));
        Files.writeString(
                dir.resolve("definition.yml"),
                "description: A Java task\n"
                        + "lambda:\n"
                        + "  runtime: java21\n"
                        + "  handler: cirrus.aws.handler.TaskHandler::handleRequest\n"
                        + "  package:\n"
                        + "    artifact: ../../java/target/tasks.jar\n");
        assertThat(run("show", "tasks", "to-stac")).as(err).isEqualTo(ExitCode.OK);
        assertThat(out)
                .contains("Files:\n  definition: definition.yml\n  readme: README.md\n")
                .doesNotContain("lambda_function.py");
    }

    @Test
    void aBatchOnlyTaskListsNoPythonHandlerFile() {
        assertThat(run("create", "task", "render", "Renders", "-t", "batch")).isZero();
        assertThat(run("show", "tasks", "render")).as(err).isEqualTo(ExitCode.OK);
        assertThat(out).doesNotContain("handler: lambda_function.py");
        assertThat(run("show", "tasks", "render", "handler")).isEqualTo(ExitCode.ERROR);
    }

    @Test
    void aPythonLambdaTaskListsItsHandlerFileAsCirrusV0Does() {
        assertThat(run("create", "task", "py", "Python", "-t", "lambda")).isZero();
        assertThat(run("show", "tasks", "py")).as(err).isEqualTo(ExitCode.OK);
        assertThat(out).contains("Files:\n  handler: lambda_function.py\n");
    }
}
