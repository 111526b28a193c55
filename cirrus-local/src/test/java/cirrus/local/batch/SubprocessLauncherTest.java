package cirrus.local.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link SubprocessLauncher} runs real {@code sh} processes. */
class SubprocessLauncherTest {
    @TempDir Path dir;

    private ContainerRequest request(String image, List<String> command, Map<String, String> env) {
        return new ContainerRequest(
                "job-1",
                "name",
                1,
                image,
                command,
                env,
                ResourceRequirements.NONE,
                "def/default/job-1",
                dir.resolve("logs/def/default/job-1"));
    }

    private static ContainerExit exit(RunningContainer container) throws Exception {
        return container.exit().get(30, TimeUnit.SECONDS);
    }

    @Test
    void appendsTheCommandToTheImagePrefixAndLogsStdoutAndStderrInOrder() throws Exception {
        SubprocessLauncher launcher = SubprocessLauncher.of(Map.of("img", List.of("sh", "-c")));
        ContainerRequest request =
                request(
                        "img",
                        List.of("echo one; echo two >&2; echo $GREETING; exit 7"),
                        Map.of("GREETING", "hello"));
        RunningContainer container = launcher.launch(request);
        assertThat(container.pid()).isPresent();
        assertThat(exit(container).exitCode()).isEqualTo(7);
        assertThat(Files.readAllLines(request.logFile())).containsExactly("one", "two", "hello");
    }

    @Test
    void laterAttemptsAppendToAnExistingStream() throws Exception {
        SubprocessLauncher launcher = SubprocessLauncher.of(Map.of("img", List.of("sh", "-c")));
        ContainerRequest request = request("img", List.of("echo again"), Map.of());
        exit(launcher.launch(request));
        exit(launcher.launch(request));
        assertThat(Files.readAllLines(request.logFile())).containsExactly("again", "again");
    }

    @Test
    void imagesMatchExactlyFirstThenByPatternInOrder() {
        SubprocessLauncher launcher =
                SubprocessLauncher.of(
                        new java.util.LinkedHashMap<>(
                                Map.of(
                                        "*.amazonaws.com/task:*", List.of("pattern"),
                                        "123.dkr.ecr.us-east-1.amazonaws.com/task:dev",
                                                List.of("exact"))));
        assertThat(launcher.prefixFor("123.dkr.ecr.us-east-1.amazonaws.com/task:dev"))
                .contains(List.of("exact"));
        assertThat(launcher.prefixFor("9.dkr.ecr.eu-west-1.amazonaws.com/task:prod"))
                .contains(List.of("pattern"));
        assertThat(launcher.prefixFor("docker.io/task:dev")).isEmpty();
    }

    @Test
    void anUnmappedImageCannotBePulledAndTheMessageSaysWhatToConfigure() {
        SubprocessLauncher launcher =
                new SubprocessLauncher(Map.of(), null, true, "local.images in cirrus.yml");
        assertThatThrownBy(() -> launcher.launch(request("repo/task:1", List.of("x"), Map.of())))
                .isInstanceOf(ContainerStartException.class)
                .hasMessage(
                        "CannotPullContainerError: no local command is configured for image"
                                + " 'repo/task:1'; map this image to a command prefix in"
                                + " local.images in cirrus.yml");
    }

    @Test
    void aMissingExecutableCannotStart() {
        SubprocessLauncher launcher =
                SubprocessLauncher.of(Map.of("img", List.of("/nonexistent/cirrus-runner")));
        assertThatThrownBy(() -> launcher.launch(request("img", List.of("x"), Map.of())))
                .isInstanceOf(ContainerStartException.class)
                .hasMessageStartingWith(
                        "CannotStartContainerError: cannot run [/nonexistent/cirrus-runner, x]");
    }

    @Test
    void withoutInheritanceOnlyTheBasicsOfTheHostEnvironmentRemain() throws Exception {
        assertThat(System.getenv("TZ")).as("surefire sets TZ for every test").isNotNull();
        SubprocessLauncher launcher =
                new SubprocessLauncher(Map.of("img", List.of("sh", "-c")), dir, false, "hint");
        ContainerRequest request =
                request(
                        "img",
                        List.of("echo \"tz=$TZ job=$JOB path=${PATH:+set}\"; pwd"),
                        Map.of("JOB", "x"));
        exit(launcher.launch(request));
        assertThat(Files.readAllLines(request.logFile()))
                .containsExactly("tz= job=x path=set", dir.toRealPath().toString());
    }

    @Test
    void stopTerminatesTheWholeProcessTree() throws Exception {
        SubprocessLauncher launcher = SubprocessLauncher.of(Map.of("img", List.of("sh", "-c")));
        Path childPid = dir.resolve("child.pid");
        RunningContainer container =
                launcher.launch(
                        request(
                                "img",
                                List.of("sleep 30 & echo $! > " + childPid + "; wait"),
                                Map.of()));
        long child = awaitPid(childPid);
        container.stop(Duration.ofSeconds(5));
        assertThat(exit(container).exitCode()).isEqualTo(143);
        assertThat(ProcessHandle.of(child).map(h -> awaitDeath(h)))
                .hasValueSatisfying(
                        dead -> assertThat(dead).as("the background child is gone too").isTrue());
    }

    @Test
    void stopKillsAProcessThatIgnoresSigtermAfterTheGracePeriod() throws Exception {
        SubprocessLauncher launcher = SubprocessLauncher.of(Map.of("img", List.of("sh", "-c")));
        Path ready = dir.resolve("ready");
        RunningContainer container =
                launcher.launch(
                        request(
                                "img",
                                List.of(
                                        "trap '' TERM; touch "
                                                + ready
                                                + "; while true; do sleep 0.05; done"),
                                Map.of()));
        awaitFile(ready);
        container.stop(Duration.ofMillis(200));
        assertThat(exit(container).exitCode()).isEqualTo(137);
    }

    private static long awaitPid(Path file) throws Exception {
        awaitFile(file);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            String text = Files.readString(file).trim();
            if (!text.isEmpty()) {
                return Long.parseLong(text);
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no pid written to " + file);
    }

    private static void awaitFile(Path file) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!Files.exists(file)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(file + " was not created");
            }
            Thread.sleep(10);
        }
    }

    private static boolean awaitDeath(ProcessHandle handle) {
        try {
            handle.onExit().get(10, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            return !handle.isAlive();
        }
    }
}
