package cirrus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The black-box CLI tests of cirrus v0.15.4 ({@code tests/cli/test_cli.py}, behaviour reference
 * §8.1), ported: the tests run in order and share one project, with the upstream test plugin
 * installed. ({@code test_build} and {@code test_build_duplicated_requirements} belong to the build
 * command's issue.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UpstreamCliTest {
    @TempDir static Path project;
    private Map<String, String> env;

    @BeforeAll
    void installTestPlugin() {
        env =
                Map.of(
                        "CIRRUS_PLUGIN_PATH",
                        GoldenOutputTest.resource("plugins/cirrus-test-plugin").toString());
    }

    private CliRun cirrus(String... args) {
        return CliRun.in(project, env, args);
    }

    @Test
    @Order(1)
    void testInit() {
        CliRun run = cirrus("init");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(project.resolve("cirrus.yml")).isRegularFile();
        assertThat(project.resolve(".gitignore")).exists();
    }

    @Test
    @Order(2)
    void testReinit() {
        CliRun run = CliRun.in(project.getRoot(), env, "init", project.toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
    }

    @Test
    @Order(3)
    void testClean() throws IOException {
        Path build = Files.createDirectories(project.resolve(".cirrus/build/lambdas/x"));
        Files.writeString(build.resolve("file.txt"), "x");
        Files.writeString(project.resolve(".cirrus/build/serverless.yml"), "service: x\n");
        Files.createSymbolicLink(
                project.resolve(".cirrus/build/link"), project.resolve("cirrus.yml"));
        CliRun run = cirrus("clean");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(project.resolve(".cirrus/build")).isEmptyDirectory();
        assertThat(project.resolve("cirrus.yml")).exists();
    }

    @ParameterizedTest
    @Order(4)
    @ValueSource(strings = {"feeder", "function", "workflow"})
    void testCreate(String type) {
        CliRun create = cirrus("create", type, "test-" + type, "description");
        assertThat(create.exitCode()).as(create.toString()).isZero();
        CliRun show = cirrus("show", type, "test-" + type);
        assertThat(show.exitCode()).as(show.toString()).isZero();
        assertThat(show.out()).isNotEmpty();
    }

    @Test
    @Order(5)
    void testCreateTaskLambda() {
        assertThat(
                        cirrus("create", "task", "-t", "lambda", "test-lambda", "description")
                                .exitCode())
                .isZero();
        assertThat(project.resolve("tasks/test-lambda/lambda_function.py")).exists();
        assertThat(cirrus("show", "task", "test-lambda").out()).isNotEmpty();
    }

    @Test
    @Order(6)
    void testCreateTaskBatch() {
        assertThat(
                        cirrus("create", "task", "--type", "batch", "test-batch", "description")
                                .exitCode())
                .isZero();
        assertThat(project.resolve("tasks/test-batch/lambda_function.py")).doesNotExist();
        assertThat(cirrus("show", "task", "test-batch").out()).isNotEmpty();
    }

    @Test
    @Order(7)
    void testCreateTaskBatchLambda() {
        CliRun run =
                cirrus("create", "task", "-t", "lambda", "-t", "batch", "test-both", "description");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(project.resolve("tasks/test-both/lambda_function.py")).exists();
        assertThat(cirrus("show", "task", "test-both").out()).isNotEmpty();
    }

    @ParameterizedTest
    @Order(8)
    @ValueSource(strings = {"feeders", "functions", "tasks", "workflows", "cloudformation"})
    void testShowList(String group) {
        CliRun run = cirrus("show", group);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).isNotEmpty();
    }

    @Test
    @Order(9)
    void testShowPlugins() {
        CliRun run = cirrus("show", "plugins");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("cirrus-test-plugin");
    }

    @ParameterizedTest
    @Order(10)
    @ValueSource(strings = {"feeders", "functions", "tasks", "workflows", "cloudformation"})
    void testShowDetail(String group) {
        String listing = cirrus("show", group).out();
        List<String> lines =
                listing.lines().filter(l -> !l.isEmpty() && !l.startsWith("[")).toList();
        String first = lines.get(0).split("[ :]")[0];
        CliRun run = cirrus("show", group, first);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).isNotEmpty();
    }
}
