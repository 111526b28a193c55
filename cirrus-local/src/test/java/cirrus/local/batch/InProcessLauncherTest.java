package cirrus.local.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link InProcessLauncher} runs Java tasks in the JVM and hands other images on. */
class InProcessLauncherTest {
    @TempDir Path dir;

    /** Named like the cirrus error post-batch turns into a workflow error. */
    static final class InvalidInput extends Exception {
        InvalidInput(String message) {
            super(message);
        }
    }

    private ContainerRequest request(String image, List<String> command) {
        return new ContainerRequest(
                "job-1",
                "name",
                1,
                image,
                command,
                Map.of("URL", "s3://b/k"),
                ResourceRequirements.NONE,
                "def/default/job-1",
                dir.resolve("def/default/job-1"));
    }

    @Test
    void aTaskGetsTheCommandAndEnvironmentAndWritesTheLog() throws Exception {
        ContainerTask echo =
                invocation -> {
                    invocation.log().println(String.join(" ", invocation.command()));
                    invocation.log().println(invocation.environment().get("URL"));
                    return 0;
                };
        InProcessLauncher launcher = new InProcessLauncher(Map.of("runner", echo), null);
        ContainerRequest request = request("java:runner", List.of("process", "s3://b/k"));
        RunningContainer container = launcher.launch(request);
        assertThat(container.pid()).isEmpty();
        assertThat(container.exit().get(10, TimeUnit.SECONDS).exitCode()).isZero();
        assertThat(Files.readAllLines(request.logFile()))
                .containsExactly("process s3://b/k", "s3://b/k");
    }

    @Test
    void anExceptionFailsWithItsSimpleNameAsTheLastLogLine() throws Exception {
        ContainerTask failing =
                invocation -> {
                    invocation.log().println("checking");
                    throw new InvalidInput("item has no assets");
                };
        InProcessLauncher launcher =
                new InProcessLauncher(Map.of("registry/task:dev", failing), null);
        ContainerRequest request = request("registry/task:dev", List.of());
        ContainerExit exit = launcher.launch(request).exit().get(10, TimeUnit.SECONDS);
        assertThat(exit.exitCode()).isEqualTo(1);
        assertThat(Files.readAllLines(request.logFile()))
                .containsExactly("checking", "InvalidInput: item has no assets");
    }

    @Test
    void otherImagesGoToTheFallbackOrCannotBePulled() throws Exception {
        InProcessLauncher withFallback =
                new InProcessLauncher(
                        Map.of(), SubprocessLauncher.of(Map.of("img", List.of("sh", "-c"))));
        ContainerRequest request = request("img", List.of("echo from-sh"));
        assertThat(withFallback.launch(request).exit().get(10, TimeUnit.SECONDS).exitCode())
                .isZero();
        assertThat(Files.readAllLines(request.logFile())).containsExactly("from-sh");

        InProcessLauncher alone = new InProcessLauncher(Map.of(), null);
        assertThatThrownBy(() -> alone.launch(request("java:missing", List.of())))
                .isInstanceOf(ContainerStartException.class)
                .hasMessage(
                        "CannotPullContainerError: no in-process task is registered for image"
                                + " 'java:missing'");
    }

    @Test
    void stopInterruptsTheTask() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        ContainerTask sleeper =
                invocation -> {
                    started.countDown();
                    Thread.sleep(60_000);
                    return 0;
                };
        RunningContainer container =
                new InProcessLauncher(Map.of("sleeper", sleeper), null)
                        .launch(request("sleeper", List.of()));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        container.stop(Duration.ofSeconds(10));
        assertThat(container.exit().get(10, TimeUnit.SECONDS).exitCode()).isEqualTo(143);
    }
}
