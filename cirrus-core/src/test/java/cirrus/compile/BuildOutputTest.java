package cirrus.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cirrus.diag.DiagnosticException;

class BuildOutputTest {
    @TempDir Path project;
    Path build;
    Path component;

    @BeforeEach
    void setUp() throws IOException {
        build = project.resolve(".cirrus/build");
        component = project.resolve("tasks/my-task");
        Files.createDirectories(component.resolve("lib/__pycache__"));
        Files.writeString(component.resolve("definition.yml"), "description: x\n");
        Files.writeString(component.resolve("lambda_function.py"), "print('hi')\n");
        Files.writeString(component.resolve("README.md"), "# my-task\n");
        Files.writeString(component.resolve("lib/helper.py"), "X = 1\n");
        Files.writeString(component.resolve("lib/helper.pyc"), "compiled");
        Files.writeString(component.resolve("lib/__pycache__/helper.cpython-39.pyc"), "c");
    }

    private static LambdaPackage task(Path dir) {
        return new LambdaPackage("my-task", dir, List.of("boto3>=1.26.0", "requests==2.31.0"));
    }

    private List<String> files() throws IOException {
        try (Stream<Path> walk = Files.walk(build)) {
            return walk.filter(p -> !p.equals(build))
                    .map(p -> build.relativize(p).toString())
                    .sorted()
                    .toList();
        }
    }

    @Test
    void writesServerlessYmlAndOneDirectoryPerPythonLambda() throws IOException {
        BuildOutput.write(
                build,
                Map.of("service", "cirrus"),
                List.of(task(component)),
                BuildOutput.Extras.NONE);

        assertThat(Files.readString(build.resolve("serverless.yml")))
                .isEqualTo("service: cirrus\n");
        assertThat(files())
                .containsExactly(
                        "lambdas",
                        "lambdas/my-task",
                        "lambdas/my-task/README.md",
                        "lambdas/my-task/lambda_function.py",
                        "lambdas/my-task/lib",
                        "lambdas/my-task/lib/helper.py",
                        "lambdas/my-task/requirements.txt",
                        "serverless.yml");
        assertThat(Files.readString(build.resolve("lambdas/my-task/requirements.txt")))
                .isEqualTo("boto3>=1.26.0\nrequests==2.31.0\n");
    }

    @Test
    void aRebuildDropsStaleOutputButKeepsServerlessState() throws IOException {
        Files.createDirectories(build.resolve("lambdas/removed-task"));
        Files.createDirectories(build.resolve(".serverless"));
        Files.writeString(
                build.resolve(".serverless/cloudformation-template-update-stack.json"), "{}");
        Files.writeString(build.resolve("stray.txt"), "x");

        BuildOutput.write(
                build,
                Map.of("service", "cirrus"),
                List.of(task(component)),
                BuildOutput.Extras.NONE);

        assertThat(files())
                .contains(
                        ".serverless/cloudformation-template-update-stack.json", "lambdas/my-task")
                .doesNotContain("lambdas/removed-task", "stray.txt");
        try (Stream<Path> siblings = Files.list(project.resolve(".cirrus"))) {
            assertThat(siblings.map(p -> p.getFileName().toString())).containsExactly("build");
        }
    }

    @Test
    void aFailedWriteLeavesThePreviousOutputIntact() throws IOException {
        BuildOutput.write(
                build,
                Map.of("service", "first"),
                List.of(task(component)),
                BuildOutput.Extras.NONE);
        Files.createSymbolicLink(component.resolve("broken.py"), project.resolve("nowhere.py"));

        assertThatThrownBy(
                        () ->
                                BuildOutput.write(
                                        build,
                                        Map.of("service", "second"),
                                        List.of(task(component)),
                                        BuildOutput.Extras.NONE))
                .isInstanceOf(DiagnosticException.class)
                .hasMessageContaining("CIRRUS-B008")
                .hasMessageContaining("previous build output was left unchanged");

        assertThat(Files.readString(build.resolve("serverless.yml"))).isEqualTo("service: first\n");
        try (Stream<Path> siblings = Files.list(project.resolve(".cirrus"))) {
            assertThat(siblings.map(p -> p.getFileName().toString())).containsExactly("build");
        }
    }

    @Test
    void anInterruptedSwapIsRecoveredByTheNextBuild() throws IOException {
        Path old = project.resolve(".cirrus/.build-old-123");
        Files.createDirectories(old.resolve(".serverless"));
        Files.createDirectories(project.resolve(".cirrus/.build-new-456/lambdas"));

        BuildOutput.write(build, Map.of("service", "cirrus"), List.of(), BuildOutput.Extras.NONE);

        assertThat(files()).containsExactly(".serverless", "serverless.yml");
        try (Stream<Path> siblings = Files.list(project.resolve(".cirrus"))) {
            assertThat(siblings.map(p -> p.getFileName().toString())).containsExactly("build");
        }
    }

    @Test
    void placesTheBuiltinsJarAndThePythonRuntimeLibrary() throws IOException {
        Path jar = Files.writeString(project.resolve("cirrus-aws-lambda.jar"), "PK");
        Path lib = project.resolve("py/cirrus");
        Files.createDirectories(lib.resolve("lib2/__pycache__"));
        Files.writeString(lib.resolve("lib2/__init__.py"), "");
        Files.writeString(lib.resolve("lib2/__pycache__/x.pyc"), "");

        BuildOutput.write(
                build,
                Map.of("service", "cirrus"),
                List.of(task(component)),
                new BuildOutput.Extras(Optional.of(jar), Optional.of(lib)));

        assertThat(Files.readString(build.resolve("lambdas/cirrus-builtins.jar"))).isEqualTo("PK");
        assertThat(files())
                .contains("cirrus/lib2/__init__.py")
                .doesNotContain("cirrus/lib2/__pycache__");
        Path link = build.resolve("lambdas/my-task/cirrus");
        assertThat(Files.readSymbolicLink(link)).isEqualTo(Path.of("../../cirrus"));
        assertThat(link.resolve("lib2/__init__.py")).exists();
    }

    private Object fileKey(String path) throws IOException {
        return Files.readAttributes(
                        build.resolve(path), java.nio.file.attribute.BasicFileAttributes.class)
                .fileKey();
    }

    @Test
    void anUnchangedLambdaDirectoryIsKeptAndAChangedOneRewritten() throws IOException {
        Path other = project.resolve("tasks/other");
        Files.createDirectories(other);
        Files.writeString(other.resolve("lambda_function.py"), "v1\n");
        LambdaPackage second = new LambdaPackage("other", other, List.of("boto3"));
        BuildOutput.write(
                build,
                Map.of("service", "x"),
                List.of(task(component), second),
                BuildOutput.Extras.NONE);
        Object unchanged = fileKey("lambdas/my-task/lib/helper.py");
        Object changed = fileKey("lambdas/other/lambda_function.py");

        Files.writeString(other.resolve("lambda_function.py"), "v2\n");
        BuildOutput.write(
                build,
                Map.of("service", "x"),
                List.of(task(component), second),
                BuildOutput.Extras.NONE);

        assertThat(fileKey("lambdas/my-task/lib/helper.py")).isEqualTo(unchanged);
        assertThat(fileKey("lambdas/other/lambda_function.py")).isNotEqualTo(changed);
        assertThat(Files.readString(build.resolve("lambdas/other/lambda_function.py")))
                .isEqualTo("v2\n");
    }

    @Test
    void aKeptDirectoryMustMatchExactly() throws IOException {
        BuildOutput.write(
                build, Map.of("service", "x"), List.of(task(component)), BuildOutput.Extras.NONE);
        Files.writeString(build.resolve("lambdas/my-task/stray.txt"), "left behind");

        BuildOutput.write(
                build,
                Map.of("service", "x"),
                List.of(new LambdaPackage("my-task", component, List.of("boto3"))),
                BuildOutput.Extras.NONE);

        assertThat(build.resolve("lambdas/my-task/stray.txt")).doesNotExist();
        assertThat(Files.readString(build.resolve("lambdas/my-task/requirements.txt")))
                .isEqualTo("boto3\n");
        assertThat(files())
                .contains("lambdas/my-task/lib/helper.py")
                .doesNotContain("lambdas/my-task/lib/helper.pyc");
    }
}
