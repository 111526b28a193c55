package cirrus.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cirrus.cli.Cli;
import cirrus.cli.Environment;
import cirrus.cli.ExitCode;
import cirrus.compile.UpstreamDifferences;
import cirrus.yaml.YamlLoader;
import cirrus.yaml.YamlWriter;

/** {@code cirrus build} end to end, in-process, on real project directories. */
class BuildCommandTest {
    @TempDir Path dir;
    Path project;
    Map<String, String> env = new HashMap<>();
    String out;
    String err;

    @BeforeEach
    void init() throws IOException {
        project = Files.createDirectories(dir.resolve("proj"));
        assertThat(run(dir, "init", project.toString())).isEqualTo(ExitCode.OK);
    }

    int run(Path cwd, String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = Cli.run(args, new PrintWriter(o), new PrintWriter(e), new Environment(cwd, env));
        out = o.toString();
        err = e.toString();
        return code;
    }

    static String golden(String name) throws IOException {
        try (InputStream in = BuildCommandTest.class.getResourceAsStream("/golden/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @SuppressWarnings("unchecked")
    static String normalised(String name) throws IOException {
        Object tree = YamlLoader.loadString(golden(name), Path.of(name)).root();
        return YamlWriter.write(UpstreamDifferences.applyTo((Map<String, Object>) tree));
    }

    Path serverlessYml() {
        return project.resolve(".cirrus/build/serverless.yml");
    }

    @Test
    void buildingAFreshProjectWritesUpstreamsServerlessYmlAndTheBuiltinsJar() throws IOException {
        Path jar = Files.writeString(dir.resolve("cirrus-aws-lambda.jar"), "PK-fake");
        env.put(BuildCommand.LAMBDA_JAR, jar.toString());

        assertThat(run(project, "build")).isEqualTo(ExitCode.OK);

        assertThat(err).isEmpty();
        assertThat(out).isEmpty();
        assertThat(Files.readString(serverlessYml()))
                .isEqualTo(normalised("init-only-serverless.yml"));
        assertThat(Files.readString(project.resolve(".cirrus/build/lambdas/cirrus-builtins.jar")))
                .isEqualTo("PK-fake");
    }

    @Test
    void aMissingBuiltinsJarIsAWarningThatSaysHowToBuildIt() {
        env.put(BuildCommand.LAMBDA_JAR, dir.resolve("nope.jar").toString());

        assertThat(run(project, "build")).isEqualTo(ExitCode.OK);

        assertThat(err)
                .contains("warning[CIRRUS-B021]")
                .contains("mvn -pl cirrus-aws -am package")
                .contains(BuildCommand.LAMBDA_JAR);
        assertThat(serverlessYml()).exists();
    }

    @Test
    void everyProblemIsReportedAtOnceAndThePreviousOutputIsKept() throws IOException {
        env.put(BuildCommand.LAMBDA_JAR, Files.writeString(dir.resolve("l.jar"), "PK").toString());
        assertThat(run(project, "build")).isEqualTo(ExitCode.OK);
        String before = Files.readString(serverlessYml());

        assertThat(run(project, "create", "task", "-t", "lambda", "no-file", "x")).isZero();
        Files.delete(project.resolve("tasks/no-file/lambda_function.py"));
        assertThat(run(project, "create", "task", "-t", "lambda", "dup-reqs", "x")).isZero();
        Path defn = project.resolve("tasks/dup-reqs/definition.yml");
        Files.writeString(
                defn,
                Files.readString(defn)
                        .replace(
                                "include: []",
                                "include:\n      - some-package==1.0.0\n      - some-package==2.0.0"));
        Files.writeString(project.resolve("cloudformation/extra.yml"), "Foo:\n  Bar: {}\n");
        Files.createDirectories(project.resolve("functions/not-a-map"));
        Files.writeString(project.resolve("functions/not-a-map/definition.yml"), "- a\n- b\n");

        assertThat(run(project, "build")).isEqualTo(ExitCode.ERROR);

        assertThat(err)
                .contains(
                        "tasks/no-file/definition.yml:",
                        "error[CIRRUS-P043] task 'no-file': Cannot load PythonHandler")
                .contains(
                        "tasks/dup-reqs/definition.yml:",
                        "error[CIRRUS-B003] Duplicated requirement for task 'dup-reqs', package"
                                + " 'some-package'.",
                        "At this time cirrus does not support verison conflict resolution.")
                .contains(
                        "cloudformation/extra.yml:1:1: error[CIRRUS-P030] item 'Bar':"
                                + " Unknown cloudformation type 'Foo'")
                .contains("functions/not-a-map/definition.yml:1:1: error[CIRRUS-P022]");
        assertThat(Files.readString(serverlessYml())).isEqualTo(before);
    }

    @Test
    void buildNeedsAProject() {
        assertThat(run(dir, "build")).isEqualTo(ExitCode.ERROR);
        assertThat(err).contains("error[CIRRUS-P051] no cirrus project detected/specified");
    }

    @Test
    void cleanEmptiesTheBuildDirectoryAndABuildRefillsIt() throws IOException {
        assertThat(run(project, "build")).isZero();
        assertThat(run(project, "clean")).isZero();
        assertThat(project.resolve(".cirrus/build")).isEmptyDirectory();
        assertThat(run(project, "build")).isZero();
        assertThat(serverlessYml()).exists();
    }
}
