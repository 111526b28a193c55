package cirrus.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cirrus.diag.Diagnostic;
import cirrus.project.PathDisplay;

/** Build.run: the whole pipeline on a real project, including what goes next to serverless.yml. */
class BuildTest {
    @TempDir Path dir;
    Path project;

    @BeforeEach
    void setUp() throws IOException {
        project = ProjectFixtures.init(dir.resolve("proj"));
        ProjectFixtures.copy("components", project);
    }

    Build.Report build(Optional<Path> jar, Optional<Path> lib) {
        return Build.run(
                project,
                ProjectFixtures.plugins(),
                new PathDisplay(project),
                new Build.Inputs(jar, lib, "build the jar"));
    }

    @Test
    void pythonLambdasGetTheRuntimeLibraryWhenOneIsGiven() throws IOException {
        Path lib = dir.resolve("cirrus-geo/src/cirrus");
        Files.createDirectories(lib.resolve("lib2"));
        Files.writeString(
                lib.resolve("lib2/process_payload.py"), "class ProcessPayload(dict): ...\n");
        Path jar = Files.writeString(dir.resolve("x.jar"), "PK");

        Build.Report report = build(Optional.of(jar), Optional.of(lib));

        assertThat(report.diagnostics()).isEmpty();
        assertThat(report.written()).isTrue();
        Path build = project.resolve(".cirrus/build");
        assertThat(build.resolve("cirrus/lib2/process_payload.py")).exists();
        assertThat(build.resolve("lambdas/my-both-task/cirrus/lib2/process_payload.py")).exists();
        assertThat(build.resolve("lambdas/my-both-task/lambda_function.py")).exists();
        assertThat(build.resolve("lambdas/my-both-task/definition.yml")).doesNotExist();
        assertThat(build.resolve("lambdas/my-batch-task")).doesNotExist();
        assertThat(Files.readString(build.resolve("lambdas/my-feeder/requirements.txt")))
                .hasSize(99);
    }

    @Test
    void withoutTheRuntimeLibraryHandlersImportingItAreWarnedAbout() {
        Build.Report report = build(Optional.empty(), Optional.empty());

        assertThat(report.failed()).isFalse();
        assertThat(report.diagnostics())
                .extracting(Diagnostic::code)
                .containsExactly("CIRRUS-B021", "CIRRUS-B022");
        assertThat(project.resolve(".cirrus/build/lambdas/my-both-task/cirrus")).doesNotExist();
    }

    @Test
    void aProjectWithoutPythonLambdasNeedsNoRuntimeLibrary() throws IOException {
        Path fresh = ProjectFixtures.init(dir.resolve("fresh"));
        Build.Report report =
                Build.run(
                        fresh,
                        ProjectFixtures.plugins(),
                        new PathDisplay(fresh),
                        new Build.Inputs(
                                Optional.of(Files.writeString(dir.resolve("y.jar"), "PK")),
                                Optional.empty(),
                                "x"));
        assertThat(report.diagnostics()).isEmpty();
        assertThat(fresh.resolve(".cirrus/build/lambdas/cirrus-builtins.jar")).exists();
    }

    @Test
    void aBrokenCirrusYmlIsAnErrorWithItsLocation() throws IOException {
        Files.writeString(project.resolve("cirrus.yml"), "service: [unclosed\n");
        Build.Report report = build(Optional.empty(), Optional.empty());

        assertThat(report.failed()).isTrue();
        assertThat(report.written()).isFalse();
        assertThat(report.diagnostics())
                .singleElement()
                .satisfies(
                        d ->
                                assertThat(d.format())
                                        .startsWith(
                                                project.resolve("cirrus.yml")
                                                        + ":2:1: error[CIRRUS-Y001]"));
    }
}
