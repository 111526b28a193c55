package cirrus.local.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash and resume: an emulator in another JVM is killed with SIGKILL while two jobs run and one
 * waits; a new emulator on the same SQLite file kills the orphaned containers, retries the job
 * whose retry strategy matches {@code Host EC2*}, fails the other with the host-terminated reason
 * and runs the waiting job.
 */
class BatchRestartTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir Path dir;

    @Test
    void aRestartedEmulatorResumesTheJobsOfAKilledOne() throws Exception {
        Map<String, String> ids = crashedEmulator();
        Map<String, Long> orphans = new HashMap<>();
        try (JobStore store = SqliteJobStore.open(dir.resolve("state.db"))) {
            for (String name : List.of("retried", "lost")) {
                Job job = store.get(ids.get(name)).orElseThrow();
                assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
                orphans.put(name, job.current().pid());
                assertThat(ProcessHandle.of(job.current().pid()).map(ProcessHandle::isAlive))
                        .as("the container of %s outlived the killed emulator", name)
                        .contains(true);
            }
        }

        Gates gates = new Gates(dir.resolve("gates"));
        // while no emulator runs, one container finishes: its exit status is the evidence
        long finishedPid;
        try (JobStore store = SqliteJobStore.open(dir.resolve("state.db"))) {
            finishedPid = store.get(ids.get("finished")).orElseThrow().current().pid();
        }
        gates.open("finished");
        assertThat(awaitGone(finishedPid)).as("the finished container exited").isTrue();

        try (JobStore store = SqliteJobStore.open(dir.resolve("state.db"));
                BatchEmulator emulator =
                        BatchEmulator.start(
                                Cfn.resources(CrashingEmulator.RESOURCES),
                                store,
                                SubprocessLauncher.of(Map.of("local/sh", List.of("sh", "-c"))),
                                BatchSettings.defaults(dir.resolve("logs")))) {
            for (long pid : orphans.values()) {
                assertThat(awaitGone(pid)).as("orphaned container %d was killed", pid).isTrue();
            }
            String hostTerminated = "Host EC2 (instance local) terminated.";

            Job lost = emulator.awaitTerminal(ids.get("lost"), WAIT);
            assertThat(lost.status()).isEqualTo(JobStatus.FAILED);
            assertThat(lost.statusReason()).isEqualTo(hostTerminated);
            assertThat(lost.attempts()).hasSize(1);
            assertThat(lost.attempts().get(0).exitCode()).isNull();
            assertThat(lost.attempts().get(0).reason())
                    .startsWith("The local Batch emulator stopped while this attempt was RUNNING");

            Job finished = emulator.awaitTerminal(ids.get("finished"), WAIT);
            assertThat(finished.status())
                    .as("a job that finished while the emulator was down is not failed")
                    .isEqualTo(JobStatus.SUCCEEDED);
            assertThat(finished.attempts()).extracting(JobAttempt::exitCode).containsExactly(0);

            Job retried = Gates.awaitStatus(emulator, ids.get("retried"), JobStatus.RUNNING);
            assertThat(retried.attempts()).hasSize(1);
            assertThat(retried.attempts().get(0).statusReason()).isEqualTo(hostTerminated);
            gates.open("retried");
            gates.open("queued");
            retried = emulator.awaitTerminal(ids.get("retried"), WAIT);
            assertThat(retried.status()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(retried.attempts())
                    .extracting(JobAttempt::exitCode)
                    .containsExactly(null, 0);
            assertThat(retried.history())
                    .extracting(StatusChange::status)
                    .containsSubsequence(
                            JobStatus.RUNNING,
                            JobStatus.RUNNABLE,
                            JobStatus.STARTING,
                            JobStatus.RUNNING,
                            JobStatus.SUCCEEDED);

            assertThat(emulator.awaitTerminal(ids.get("queued"), WAIT).status())
                    .isEqualTo(JobStatus.SUCCEEDED);
            String fresh = emulator.submitJob(gates.job("fresh", "queue", "gated")).jobId();
            gates.open("fresh");
            Job next = emulator.awaitTerminal(fresh, WAIT);
            assertThat(next.sequence())
                    .as("sequence numbers continue after a restart")
                    .isGreaterThan(retried.sequence());
        }
    }

    /** Runs {@link CrashingEmulator} in a new JVM, kills it with SIGKILL once ready. */
    private Map<String, String> crashedEmulator() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process =
                new ProcessBuilder(
                                java,
                                "-cp",
                                System.getProperty("java.class.path"),
                                CrashingEmulator.class.getName(),
                                dir.toString())
                        .redirectErrorStream(true)
                        .start();
        try {
            CompletableFuture<String> ready =
                    CompletableFuture.supplyAsync(() -> readyLine(process));
            String line = ready.get(60, TimeUnit.SECONDS);
            assertThat(line).as("the child emulator reported READY").startsWith("READY ");
            Map<String, String> ids = new HashMap<>();
            for (String pair : line.substring("READY ".length()).split(" ")) {
                String[] parts = pair.split("=");
                ids.put(parts[0], parts[1]);
            }
            return ids;
        } finally {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static String readyLine(Process process) {
        try (BufferedReader out =
                new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            StringBuilder seen = new StringBuilder();
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("READY ")) {
                    return line;
                }
                seen.append(line).append('\n');
            }
            return "no READY line; the child printed:\n" + seen;
        } catch (java.io.IOException e) {
            return "cannot read the child's output: " + e;
        }
    }

    /** A killed process not yet reaped (when PID 1 does not reap orphans) counts as gone. */
    private static boolean isZombie(long pid) {
        try {
            String stat = java.nio.file.Files.readString(Path.of("/proc/" + pid + "/stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean awaitGone(long pid) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true) || isZombie(pid)) {
                return true;
            }
            Thread.sleep(10);
        }
        return false;
    }
}
