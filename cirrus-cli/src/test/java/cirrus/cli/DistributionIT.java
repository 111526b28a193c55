package cirrus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution archive ({@code target/cirrus-VERSION.tar.gz}, made by {@code mvn package}) as a
 * user installs it: unpacked into an empty directory and run through a symlink on a {@code PATH}
 * that has Java and the basic shell tools but no Maven, with no source tree around.
 */
class DistributionIT {
    /** The commands bin/cirrus uses; nothing else is on the test's PATH. */
    private static final List<String> TOOLS =
            List.of("bash", "env", "dirname", "readlink", "mkdir", "mktemp", "mv", "rm", "flock");

    @TempDir static Path home;
    private static Path install;
    private static Path path;

    @BeforeAll
    static void unpack() throws Exception {
        Path archive;
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            archive =
                    files.filter(p -> p.getFileName().toString().matches("cirrus-.*\\.tar\\.gz"))
                            .findFirst()
                            .orElseThrow(() -> new AssertionError("run after mvn package"));
        }
        Path unpacked = Files.createDirectories(home.resolve("opt"));
        Result tar = run(unpacked, Map.of(), "tar", "-xzf", archive.toAbsolutePath().toString());
        assertThat(tar.code()).as(tar.err()).isZero();
        try (Stream<Path> dirs = Files.list(unpacked)) {
            install = dirs.findFirst().orElseThrow();
        }
        path = Files.createDirectories(home.resolve("path"));
        for (String tool : TOOLS) {
            Path real =
                    Stream.of("/usr/bin", "/bin")
                            .map(dir -> Path.of(dir, tool))
                            .filter(Files::isExecutable)
                            .findFirst()
                            .orElseThrow(() -> new AssertionError(tool + " not found"));
            Files.createSymbolicLink(path.resolve(tool), real);
        }
        Files.createSymbolicLink(
                path.resolve("java"), Path.of(System.getProperty("java.home"), "bin", "java"));
        Files.createSymbolicLink(path.resolve("cirrus"), install.resolve("bin/cirrus"));
    }

    /** The tool links point outside the temporary directory; JUnit warns when it deletes them. */
    @AfterAll
    static void removeToolLinks() throws IOException {
        try (Stream<Path> links = Files.list(path)) {
            for (Path link : links.toList()) {
                Files.delete(link);
            }
        }
    }

    @Test
    void holdsTheLauncherTheJarsAndTheBuiltinsLambdaJarButNoSources() throws IOException {
        assertThat(install.getFileName().toString()).startsWith("cirrus-");
        assertThat(install.resolve("bin/cirrus")).isExecutable();
        assertThat(install.resolve("lib/cirrus-cli.jar")).isRegularFile();
        assertThat(install.resolve("lib/cirrus-picocli-" + version() + ".jar")).isRegularFile();
        assertThat(install.resolve("share/cirrus-aws-lambda.jar")).isRegularFile();
        try (Stream<Path> all = Files.walk(install)) {
            assertThat(all.filter(p -> p.toString().endsWith(".java"))).isEmpty();
        }
    }

    @Test
    void runsHelpWithoutMavenAndKeepsTheStartUpArchiveItTrainedOnFirstUse() throws Exception {
        Result noMaven = run(home, Map.of(), "bash", "-c", "command -v mvn");
        assertThat(noMaven.code()).as("mvn must not be on the test PATH").isNotZero();

        Result first = run(home, Map.of(), "cirrus", "--help");
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).startsWith("Usage: cirrus [OPTIONS] COMMAND [ARGS]...");
        assertThat(first.err()).as("nothing on stderr when it is not a terminal").isEmpty();
        try (Stream<Path> lib = Files.list(install.resolve("lib"))) {
            assertThat(lib.map(p -> p.getFileName().toString()))
                    .anyMatch(n -> n.matches("cirrus-cli\\..+\\.(jsa|aot)"));
        }

        Result second = run(home, Map.of(), "cirrus", "--help");
        assertThat(second.code()).isZero();
        assertThat(second.out()).isEqualTo(first.out());
    }

    @Test
    void buildsAFreshProjectWithTheBuiltinsLambdaJarOfTheDistribution() throws Exception {
        Path project = Files.createDirectories(home.resolve("project"));
        Result init = run(home, Map.of(), "cirrus", "init", project.toString());
        assertThat(init.code()).as(init.err()).isZero();

        Result build = run(home, Map.of(), "cirrus", "--cirrus-dir", project.toString(), "build");
        assertThat(build.code()).as(build.err()).isZero();
        assertThat(build.err()).doesNotContain("cirrus-aws-lambda.jar");
        assertThat(project.resolve(".cirrus/build/serverless.yml")).isRegularFile();
        assertThat(project.resolve(".cirrus/build/lambdas/cirrus-builtins.jar"))
                .hasSameBinaryContentAs(install.resolve("share/cirrus-aws-lambda.jar"));
    }

    private static String version() throws IOException {
        try (Stream<Path> lib = Files.list(install.resolve("lib"))) {
            return lib.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("cirrus-core-"))
                    .map(n -> n.substring("cirrus-core-".length(), n.length() - ".jar".length()))
                    .findFirst()
                    .orElseThrow();
        }
    }

    private record Result(int code, String out, String err) {}

    private static Result run(Path cwd, Map<String, String> extra, String... command)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(cwd.toFile());
        Map<String, String> env = builder.environment();
        env.clear();
        if (path != null) {
            env.put("PATH", path.toString());
            builder.command().set(0, resolve(command[0]));
        } else {
            env.put("PATH", "/usr/bin:/bin");
        }
        env.put("HOME", home.toString());
        env.put("LANG", "C.UTF-8");
        env.putAll(extra);
        Path out = Files.createTempFile(home, "out", ".txt");
        Path err = Files.createTempFile(home, "err", ".txt");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process process = builder.start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError(String.join(" ", command) + " timed out");
        }
        return new Result(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** ProcessBuilder looks commands up on the parent's PATH; look them up on the test's. */
    private static String resolve(String command) {
        Path onPath = path.resolve(command);
        return Files.exists(onPath) ? onPath.toString() : command;
    }
}
