package cirrus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import cirrus.cli.output.Console;
import cirrus.cli.output.Terminal;

/**
 * Runs the commands cirrus v0.15.4 was recorded running (golden files 00–99) against the same
 * projects and compares exit code, stdout and stderr, after the documented normalisation in {@link
 * UpstreamDifferences}. Recorded cases that are not compared here are listed in {@link
 * #NOT_COMPARED} with the reason.
 */
class GoldenOutputTest {
    /** Golden files deliberately not compared, and why. */
    static final Map<String, String> NOT_COMPARED =
            Map.of(
                    "25-show-task-file-readme.txt",
                    "v0.15.4 renders README.md with rich; we print the file as it is (documented)",
                    "35-show-cf-batchtask.txt",
                    "with valid logical ids 'mybatchtask' now matches MyBatchTask* (documented)",
                    "69-verbose.txt",
                    "-vv prints v0.15.4's Python debug log lines (DEBUG:root:...), not reproduced"
                            + " (documented)");

    /** The projects the recorded commands ran in. */
    enum Setup {
        /** an empty directory (no project) */
        NONE,
        /** {@code cirrus init} only */
        INIT,
        /** init and the six components of the README of the goldens */
        FULL,
        /** FULL with {@code functions/update-state} overridden by a disabled definition */
        OVERRIDE,
        /** FULL with {@code my-both-task} disabled */
        DISABLED,
        /** FULL with a task without handler */
        NO_HANDLER,
        /** FULL with a stray file in {@code tasks/} */
        STRAY_FILE,
        /** FULL with {@code cloudformation/zz-extra.yml} */
        CF_EDGE,
        /** FULL with the upstream test plugin on {@code CIRRUS_PLUGIN_PATH} */
        PLUGIN,
        /** FULL with a task whose requirements name a package twice */
        DUPLICATE_REQUIREMENTS,
        /** FULL with a task whose handler file is missing */
        MISSING_HANDLER_FILE,
        /** FULL, built once */
        BUILT,
        /** FULL with a stand-in node_modules/serverless that reports how it was run */
        FAKE_SERVERLESS
    }

    /** Where the command runs. */
    enum Where {
        PROJECT,
        SUBDIRECTORY,
        ELSEWHERE,
        ELSEWHERE_WITH_CIRRUS_DIR
    }

    record Case(String golden, Setup setup, Where where) {}

    static final List<Case> CASES =
            List.of(
                    new Case("00-help.txt", Setup.NONE, Where.PROJECT),
                    new Case("01-init.txt", Setup.NONE, Where.PROJECT),
                    new Case("02-reinit.txt", Setup.INIT, Where.PROJECT),
                    new Case("03-create-help.txt", Setup.INIT, Where.PROJECT),
                    new Case("04-show-help.txt", Setup.INIT, Where.PROJECT),
                    new Case("05-show-tasks.txt", Setup.INIT, Where.PROJECT),
                    new Case("06-show-functions.txt", Setup.INIT, Where.PROJECT),
                    new Case("07-show-feeders.txt", Setup.INIT, Where.PROJECT),
                    new Case("08-show-workflows.txt", Setup.INIT, Where.PROJECT),
                    new Case("09-show-cloudformation.txt", Setup.INIT, Where.PROJECT),
                    new Case("10-show-plugins.txt", Setup.INIT, Where.PROJECT),
                    new Case("11-create-task-lambda.txt", Setup.INIT, Where.PROJECT),
                    new Case("12-create-task-batch.txt", Setup.INIT, Where.PROJECT),
                    new Case("13-create-task-both.txt", Setup.INIT, Where.PROJECT),
                    new Case("14-create-workflow.txt", Setup.INIT, Where.PROJECT),
                    new Case("15-create-feeder.txt", Setup.INIT, Where.PROJECT),
                    new Case("16-create-function.txt", Setup.INIT, Where.PROJECT),
                    new Case("17-create-task-notype.txt", Setup.FULL, Where.PROJECT),
                    new Case("18-create-task-dup.txt", Setup.FULL, Where.PROJECT),
                    new Case("20-show-tasks-after-create.txt", Setup.FULL, Where.PROJECT),
                    new Case("21-show-task-publish.txt", Setup.FULL, Where.PROJECT),
                    new Case("22-show-task-my-batch.txt", Setup.FULL, Where.PROJECT),
                    new Case("23-show-task-my-both.txt", Setup.FULL, Where.PROJECT),
                    new Case("24-show-task-file-definition.txt", Setup.FULL, Where.PROJECT),
                    new Case("26-show-task-file-handler.txt", Setup.FULL, Where.PROJECT),
                    new Case("27-show-task-unknown.txt", Setup.FULL, Where.PROJECT),
                    new Case("28-show-task-unknown-file.txt", Setup.FULL, Where.PROJECT),
                    new Case("29-show-workflow-publish-only.txt", Setup.FULL, Where.PROJECT),
                    new Case("30-show-function-process.txt", Setup.FULL, Where.PROJECT),
                    new Case("31-show-cf-one.txt", Setup.FULL, Where.PROJECT),
                    new Case("32-show-cf-substring.txt", Setup.FULL, Where.PROJECT),
                    new Case("33-show-cf-type-outputs.txt", Setup.FULL, Where.PROJECT),
                    new Case("34-show-cf-nomatch.txt", Setup.FULL, Where.PROJECT),
                    new Case("36-show-feeder-my.txt", Setup.FULL, Where.PROJECT),
                    new Case("37-show-workflow-my.txt", Setup.FULL, Where.PROJECT),
                    new Case("38-show-workflow-my-def.txt", Setup.FULL, Where.PROJECT),
                    new Case("39-show-ambiguous.txt", Setup.FULL, Where.PROJECT),
                    new Case("52-show-tasks-missing-handler.txt", Setup.NO_HANDLER, Where.PROJECT),
                    new Case("54-show-functions-override.txt", Setup.OVERRIDE, Where.PROJECT),
                    new Case("56-show-tasks-disabled.txt", Setup.DISABLED, Where.PROJECT),
                    new Case("61-noproj-show-tasks.txt", Setup.FULL, Where.ELSEWHERE),
                    new Case("62-noproj-create.txt", Setup.FULL, Where.ELSEWHERE),
                    new Case("63-cirrus-dir-bad.txt", Setup.FULL, Where.PROJECT),
                    new Case("64-init-nonexistent.txt", Setup.NONE, Where.PROJECT),
                    new Case("65-cirrus-dir-ok.txt", Setup.FULL, Where.ELSEWHERE),
                    new Case("66-cirrus-dir-env.txt", Setup.FULL, Where.ELSEWHERE_WITH_CIRRUS_DIR),
                    new Case("67-resolve-from-subdir.txt", Setup.FULL, Where.SUBDIRECTORY),
                    new Case("70-plugins-show.txt", Setup.PLUGIN, Where.PROJECT),
                    new Case("71-plugins-show-tasks.txt", Setup.PLUGIN, Where.PROJECT),
                    new Case("72-plugins-show-task.txt", Setup.PLUGIN, Where.PROJECT),
                    new Case("73-show-unknown-subcommand.txt", Setup.FULL, Where.PROJECT),
                    new Case("74-show-cf-type-bad.txt", Setup.FULL, Where.PROJECT),
                    new Case("83-reinit-verbose.txt", Setup.INIT, Where.PROJECT),
                    new Case("84-show-tasks-with-stray-file.txt", Setup.STRAY_FILE, Where.PROJECT),
                    new Case("85-show-cf-edge.txt", Setup.CF_EDGE, Where.PROJECT),
                    new Case("95-prefix-ambiguous.txt", Setup.FULL, Where.PROJECT),
                    new Case("97-show-f-ambiguous.txt", Setup.FULL, Where.PROJECT),
                    new Case("98-create-task-help.txt", Setup.FULL, Where.PROJECT),
                    new Case("99-show-cf-help.txt", Setup.FULL, Where.PROJECT),
                    new Case("99b-show-tasks-help.txt", Setup.FULL, Where.PROJECT),
                    new Case("40-build.txt", Setup.FULL, Where.PROJECT),
                    new Case(
                            "50-build-duplicate-reqs.txt",
                            Setup.DUPLICATE_REQUIREMENTS,
                            Where.PROJECT),
                    new Case("51-build-missing-handler.txt", Setup.NO_HANDLER, Where.PROJECT),
                    new Case(
                            "53-build-missing-handler-file.txt",
                            Setup.MISSING_HANDLER_FILE,
                            Where.PROJECT),
                    new Case("55-build-override.txt", Setup.OVERRIDE, Where.PROJECT),
                    new Case("57-build-disabled.txt", Setup.DISABLED, Where.PROJECT),
                    new Case("58-build-again.txt", Setup.BUILT, Where.PROJECT),
                    new Case("59-clean.txt", Setup.BUILT, Where.PROJECT),
                    new Case("60-noproj-build.txt", Setup.FULL, Where.ELSEWHERE),
                    new Case("68-sls-no-node.txt", Setup.FULL, Where.PROJECT),
                    new Case("75-sls-fake.txt", Setup.FAKE_SERVERLESS, Where.PROJECT),
                    new Case("76-serverless-fake.txt", Setup.FAKE_SERVERLESS, Where.PROJECT),
                    new Case("96-prefix-build.txt", Setup.FULL, Where.PROJECT));

    @TempDir static Path templates;
    @TempDir static Path buildInputs;
    @TempDir Path workspace;

    @BeforeAll
    static void createProjects() throws IOException {
        Files.writeString(buildInputs.resolve("cirrus-aws-lambda.jar"), "PK");
        Files.createDirectories(buildInputs.resolve("cirrus/lib2"));
        Files.writeString(buildInputs.resolve("cirrus/lib2/__init__.py"), "");
        Path init = Files.createDirectories(templates.resolve("init"));
        check(CliRun.in(init, "init"));
        Path full = Files.createDirectories(templates.resolve("full"));
        check(CliRun.in(full, "init"));
        check(
                CliRun.in(
                        full,
                        "create",
                        "task",
                        "-t",
                        "lambda",
                        "my-lambda-task",
                        "A",
                        "lambda",
                        "task"));
        check(
                CliRun.in(
                        full,
                        "create",
                        "task",
                        "--type",
                        "batch",
                        "my-batch-task",
                        "A batch task"));
        check(
                CliRun.in(
                        full,
                        "create",
                        "task",
                        "-t",
                        "lambda",
                        "-t",
                        "batch",
                        "my-both-task",
                        "A lambda and batch task"));
        check(CliRun.in(full, "create", "workflow", "my-workflow", "A test workflow"));
        check(CliRun.in(full, "create", "feeder", "my-feeder", "A test feeder"));
        check(CliRun.in(full, "create", "function", "my-function", "A test function"));
    }

    private static void check(CliRun run) {
        assertThat(run.exitCode()).as(run.toString()).isZero();
    }

    @TestFactory
    Stream<DynamicTest> recordedRunsOfCirrusV0GiveTheSameOutput() {
        return CASES.stream().map(c -> DynamicTest.dynamicTest(c.golden(), () -> compare(c)));
    }

    private void compare(Case c) throws IOException {
        if (c.setup() == Setup.FAKE_SERVERLESS) {
            org.junit.jupiter.api.Assumptions.assumeTrue(
                    cirrus.cli.command.ServerlessCommandTest.nodeAvailable()
                            || System.getenv("CI") != null,
                    "Node.js is not installed; skipping " + c.golden());
        }
        Golden golden = Golden.read(c.golden());
        Path caseDir = workspace.resolve(c.golden().replace(".txt", ""));
        Path project = caseDir.resolve("proj");
        prepare(c.setup(), project);
        Path elsewhere = Files.createDirectories(caseDir.resolve("elsewhere"));
        Map<String, String> env = new java.util.HashMap<>();
        // the build's inputs exist, so a build warns about neither (v0.15.4 had no such warnings)
        env.put("CIRRUS_LAMBDA_JAR", buildInputs.resolve("cirrus-aws-lambda.jar").toString());
        env.put("CIRRUS_PYTHON_LIB", buildInputs.resolve("cirrus").toString());
        if (c.setup() == Setup.BUILT) {
            check(CliRun.in(project, env, "build"));
        }
        if (c.setup() == Setup.PLUGIN) {
            env.put("CIRRUS_PLUGIN_PATH", resource("plugins/cirrus-test-plugin").toString());
        }
        Path cwd =
                switch (c.where()) {
                    case PROJECT -> project;
                    case SUBDIRECTORY -> project.resolve("tasks/my-lambda-task");
                    case ELSEWHERE -> elsewhere;
                    case ELSEWHERE_WITH_CIRRUS_DIR -> {
                        env.put(CliContext.CIRRUS_DIR, project.toString());
                        yield elsewhere;
                    }
                };
        List<String> args = new ArrayList<>();
        for (String arg : golden.args()) {
            args.add(
                    arg.replace("/home/user/noproj", elsewhere.toString())
                            .replace("/home/user/proj", project.toString()));
        }
        CliRun run = CliRun.in(cwd, env, args.toArray(String[]::new));
        boolean build = UpstreamDifferences.isBuild(golden.args());
        Set<String> newCommands = newRootCommands();
        String expectedErr =
                UpstreamDifferences.expectedBuild(
                                UpstreamDifferences.expected(golden.err(), project), build)
                        .replace("/home/user/noproj", elsewhere.toString());
        String out = Golden.trimEnd(run.out());
        if (c.golden().equals("00-help.txt")) {
            out = UpstreamDifferences.withoutNewCommandRows(out, newCommands);
        }
        assertThat(out)
                .as("stdout of %s\n%s", c.golden(), run)
                .isEqualTo(UpstreamDifferences.expected(golden.out(), project));
        assertThat(Golden.trimEnd(UpstreamDifferences.withoutDiagnosticPrefix(run.err())))
                .as("stderr of %s\n%s", c.golden(), run)
                .isEqualTo(
                        rootLevel(golden)
                                ? UpstreamDifferences.withNewCandidates(expectedErr, newCommands)
                                : expectedErr);
        assertThat(run.exitCode())
                .as("exit code of %s\n%s", c.golden(), run)
                .isEqualTo(
                        UpstreamDifferences.buildExitCode(
                                UpstreamDifferences.exitCode(golden.exitCode(), golden.err()),
                                golden.err(),
                                build));
    }

    private static boolean rootLevel(Golden golden) {
        return golden.args().length == 1;
    }

    /** Root command names and aliases that cirrus v0.15.4 did not have. */
    private static Set<String> newRootCommands() {
        CliContext context =
                new CliContext(
                        new Console(
                                new PrintWriter(new StringWriter()),
                                new PrintWriter(new StringWriter()),
                                Terminal.PLAIN),
                        Environment.current());
        Set<String> names = new TreeSet<>();
        Cli.commandTree(context)
                .getSubcommands()
                .forEach(
                        (name, command) -> {
                            if (!UpstreamDifferences.V0_COMMANDS.contains(
                                    command.getCommandSpec().name())) {
                                names.add(name);
                            }
                        });
        return names;
    }

    private static void prepare(Setup setup, Path project) throws IOException {
        switch (setup) {
            case NONE -> Files.createDirectories(project);
            case INIT -> copy(templates.resolve("init"), project);
            default -> copy(templates.resolve("full"), project);
        }
        switch (setup) {
            case OVERRIDE -> {
                Path dir = Files.createDirectories(project.resolve("functions/update-state"));
                Files.writeString(
                        dir.resolve("definition.yml"), "description: temporarily disabled\n");
            }
            case DISABLED -> {
                Path def = project.resolve("tasks/my-both-task/definition.yml");
                Files.writeString(def, "enabled: false\n" + Files.readString(def));
            }
            case NO_HANDLER -> {
                Path dir = Files.createDirectories(project.resolve("tasks/no-handler"));
                Files.writeString(
                        dir.resolve("definition.yml"), "description: x\nlambda:\n  timeout: 5\n");
            }
            case STRAY_FILE -> Files.writeString(project.resolve("tasks/README.md"), "# tasks\n");
            case DUPLICATE_REQUIREMENTS -> {
                Path dir = Files.createDirectories(project.resolve("tasks/task-duplicate-reqs"));
                Files.writeString(
                        dir.resolve("lambda_function.py"),
                        "def lambda_handler(e, c):\n    return e\n");
                Files.writeString(
                        dir.resolve("definition.yml"),
                        "description: x\nlambda:\n  handler: lambda_function.lambda_handler\n"
                                + "  pythonRequirements:\n    include:\n"
                                + "      - some-package==1.0.0\n      - some-package==2.0.0\n");
            }
            case MISSING_HANDLER_FILE -> {
                Path dir = Files.createDirectories(project.resolve("tasks/missing-file"));
                Files.writeString(
                        dir.resolve("definition.yml"),
                        "description: x\nlambda:\n  handler: lambda_function.lambda_handler\n");
            }
            case FAKE_SERVERLESS -> {
                Path bin = Files.createDirectories(project.resolve("node_modules/serverless/bin"));
                Files.writeString(
                        bin.resolve("serverless.js"),
                        "console.log('fake serverless invoked in ' + process.cwd() + ' with: '"
                                + " + process.argv.slice(2).join(' '));\n");
            }
            case CF_EDGE ->
                    Files.writeString(
                            project.resolve("cloudformation/zz-extra.yml"),
                            "AWSTemplateFormatVersion: '2010-09-09'\n"
                                    + "Description: edge cases\n"
                                    + "Foo:\n  Bar:\n    Type: Nothing\n"
                                    + "Parameters:\n  MyParam:\n    Type: String\n"
                                    + "Resources:\n  Data:\n    Type: AWS::S3::Bucket\n");
            default -> {}
        }
    }

    static Path resource(String name) {
        try {
            return Path.of(GoldenOutputTest.class.getResource("/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
