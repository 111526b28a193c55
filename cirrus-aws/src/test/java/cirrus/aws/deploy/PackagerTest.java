package cirrus.aws.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lambda code packages: a reproducible zip per Python Lambda directory with its requirements
 * installed by the real pip (offline, from a wheel made here), ready files as they are, S3 keys
 * that change exactly when the content does.
 */
class PackagerTest {
    static final List<String> PIP = List.of("python3", "-m", "pip");

    @TempDir Path dir;
    Path lambda;
    List<String> progress = new ArrayList<>();

    @BeforeEach
    void aPythonLambdaDirectory() throws IOException {
        lambda = Files.createDirectories(dir.resolve("build/lambdas/my-task"));
        Files.writeString(
                lambda.resolve("lambda_function.py"),
                "def lambda_handler(event, context):\n    return event\n");
        Files.createDirectories(lambda.resolve("__pycache__"));
        Files.writeString(
                lambda.resolve("__pycache__/lambda_function.cpython-311.pyc"), "compiled");
        Files.createDirectories(dir.resolve("build/cirrus/lib2"));
        Files.writeString(dir.resolve("build/cirrus/lib2/__init__.py"), "");
        Files.createSymbolicLink(lambda.resolve("cirrus"), Path.of("../../cirrus"));
    }

    Packager packager() {
        return new Packager(
                dir.resolve("build/deploy"), new PythonRequirements(PIP), progress::add);
    }

    static List<String> entries(Path zip) throws IOException {
        try (ZipFile z = new ZipFile(zip.toFile())) {
            return z.stream().map(ZipEntry::getName).toList();
        }
    }

    @Test
    void aPythonDirectoryIsZippedWithItsLinkedRuntimeAndWithoutCompiledFiles() throws IOException {
        var packages =
                packager()
                        .packageAll(
                                List.of(new CodeSource("MyDashtaskCodeKey", lambda, true)),
                                "svc-dev");

        assertThat(packages).hasSize(1);
        assertThat(entries(packages.get(0).file()))
                .containsExactly("cirrus/lib2/__init__.py", "lambda_function.py");
        assertThat(packages.get(0).key()).matches("svc-dev/my-task-[0-9a-f]{16}\\.zip");
    }

    @Test
    void theSameFilesGiveTheSameKeyAndAChangeGivesAnother() throws IOException {
        String first =
                packager().packageAll(List.of(new CodeSource("K", lambda, true)), "p").get(0).key();
        String again =
                packager().packageAll(List.of(new CodeSource("K", lambda, true)), "p").get(0).key();
        Files.writeString(
                lambda.resolve("lambda_function.py"),
                "def lambda_handler(event, context):\n    return {}\n");
        String changed =
                packager().packageAll(List.of(new CodeSource("K", lambda, true)), "p").get(0).key();

        assertThat(again).isEqualTo(first);
        assertThat(changed).isNotEqualTo(first);
    }

    @Test
    void aReadyFileIsUploadedAsItIs() throws IOException {
        Path jar = Files.writeString(dir.resolve("cirrus-builtins.jar"), "PK");

        var p = packager().packageAll(List.of(new CodeSource("J", jar, false)), "svc-dev").get(0);

        assertThat(p.file()).isEqualTo(jar);
        assertThat(p.key()).matches("svc-dev/cirrus-builtins-[0-9a-f]{16}\\.jar");
    }

    @Test
    void aMissingJarIsReportedWithHowToBuildIt() {
        assertThatThrownBy(
                        () ->
                                packager()
                                        .packageAll(
                                                List.of(
                                                        new CodeSource(
                                                                "J",
                                                                dir.resolve("nope.jar"),
                                                                false)),
                                                "p"))
                .isInstanceOf(DeployException.class)
                .hasMessageContaining("mvn -pl cirrus-aws -am package")
                .extracting(e -> ((DeployException) e).code())
                .isEqualTo(DeployException.PACKAGING);
    }

    @Test
    void requirementsAreInstalledIntoTheZipWithPip() throws Exception {
        assumePip();
        Path wheel = wheel("hello", "1.0");
        Files.writeString(lambda.resolve("requirements.txt"), "--no-index\n" + wheel + "\n");

        var p = packager().packageAll(List.of(new CodeSource("K", lambda, true)), "p").get(0);

        assertThat(entries(p.file()))
                .contains("hello/__init__.py", "lambda_function.py", "requirements.txt");
        assertThat(progress).contains("Installing the requirements of my-task with pip");
        assertThat(dir.resolve("build/deploy/.work-my-task")).doesNotExist();
    }

    @Test
    void slimPatternsLeaveMatchingRequirementFilesOutButNotTheFunctionsOwn() throws Exception {
        assumePip();
        Path wheel = wheel("hello", "1.0");
        Files.writeString(lambda.resolve("requirements.txt"), "--no-index\n" + wheel + "\n");
        Files.createDirectories(lambda.resolve("hello-docs"));
        Files.writeString(lambda.resolve("hello-docs/README"), "mine");
        Packager packager =
                new Packager(
                        dir.resolve("build/deploy"),
                        new PythonRequirements(PIP),
                        new SlimPatterns(List.of("hello-*/**", "**/*.dist-info*")),
                        progress::add);

        var p = packager.packageAll(List.of(new CodeSource("K", lambda, true)), "p").get(0);

        assertThat(entries(p.file()))
                .contains("hello/__init__.py", "hello-docs/README", "lambda_function.py")
                .noneMatch(e -> e.contains(".dist-info"));
        assertThat(progress)
                .anyMatch(
                        l ->
                                l.startsWith("Slimmed my-task: ")
                                        && l.endsWith("files of its requirements left out"));
    }

    @Test
    void aRequirementPipCannotInstallFailsWithPipsReason() throws Exception {
        assumePip();
        Files.writeString(
                lambda.resolve("requirements.txt"),
                "--no-index\nno-such-package-for-cirrus==1.0\n");

        assertThatThrownBy(
                        () ->
                                packager()
                                        .packageAll(
                                                List.of(new CodeSource("K", lambda, true)), "p"))
                .isInstanceOf(DeployException.class)
                .hasMessageContaining("pip could not install the requirements of 'my-task'")
                .hasMessageContaining("no-such-package-for-cirrus");
    }

    @Test
    void withoutPipTheMessageSaysHowToGetIt() throws IOException {
        Files.writeString(lambda.resolve("requirements.txt"), "boto3\n");
        Packager packager =
                new Packager(
                        dir.resolve("build/deploy"),
                        new PythonRequirements(List.of("/no/such/pip")),
                        progress::add);

        assertThatThrownBy(
                        () -> packager.packageAll(List.of(new CodeSource("K", lambda, true)), "p"))
                .isInstanceOf(DeployException.class)
                .hasMessageContaining("cannot run '/no/such/pip'")
                .hasMessageContaining("CIRRUS_PIP");
    }

    /** A pure-Python wheel with one module, {@code <name>/__init__.py}. */
    Path wheel(String name, String version) throws IOException {
        Path wheel = dir.resolve(name + "-" + version + "-py3-none-any.whl");
        String info = name + "-" + version + ".dist-info/";
        try (OutputStream out = Files.newOutputStream(wheel);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            put(zip, name + "/__init__.py", "VALUE = 1\n");
            put(
                    zip,
                    info + "METADATA",
                    "Metadata-Version: 2.1\nName: " + name + "\nVersion: " + version + "\n");
            put(
                    zip,
                    info + "WHEEL",
                    "Wheel-Version: 1.0\nGenerator: cirrus-test\nRoot-Is-Purelib: true\nTag: py3-none-any\n");
            put(
                    zip,
                    info + "RECORD",
                    name
                            + "/__init__.py,,\n"
                            + info
                            + "METADATA,,\n"
                            + info
                            + "WHEEL,,\n"
                            + info
                            + "RECORD,,\n");
        }
        return wheel;
    }

    private static void put(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static void assumePip() throws Exception {
        boolean available;
        try {
            Process p =
                    new ProcessBuilder(PIP.get(0), "-m", "pip", "--version")
                            .redirectErrorStream(true)
                            .start();
            p.getInputStream().readAllBytes();
            available = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            available = false;
        }
        if (!available && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("CI=true but python3 -m pip is not available");
        }
        assumeTrue(available, "python3 -m pip is not available: skipped (required under CI=true)");
    }
}
