package cirrus.local.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Gated shell jobs for scheduling tests: a job runs {@code sh} and waits (at most 30 s) until the
 * file named after it exists in the gate directory, so tests decide when each job ends.
 */
final class Gates {
    static final Duration WAIT = Duration.ofSeconds(30);

    /** The shell command of a gated job named {@code $JOB}. */
    static final String COMMAND =
            "i=0; while [ ! -f \"$GATE_DIR/$JOB\" ] && [ $i -lt 1500 ]; do sleep 0.02;"
                    + " i=$((i+1)); done; echo \"done $JOB on $AWS_BATCH_CE_NAME\"";

    private final Path dir;

    Gates(Path dir) throws IOException {
        this.dir = Files.createDirectories(dir);
    }

    /** A SubmitJob request for a gated job named {@code name}. */
    SubmitJobRequest job(String name, String queue, String definition) {
        return SubmitJobRequest.of(name, queue, definition)
                .withContainerOverrides(
                        new ContainerOverrides(
                                List.of(COMMAND),
                                Map.of("JOB", name, "GATE_DIR", dir.toString()),
                                null));
    }

    /** Lets the job named {@code name} finish. */
    void open(String name) throws IOException {
        Files.writeString(dir.resolve(name), "go");
    }

    /** Waits (bounded) until the job satisfies the condition, and returns it. */
    static Job await(BatchEmulator emulator, String jobId, Predicate<Job> condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        Job job = null;
        while (System.nanoTime() < deadline) {
            job = emulator.job(jobId).orElseThrow();
            if (condition.test(job)) {
                return job;
            }
            Thread.sleep(5);
        }
        throw new AssertionError(
                "job "
                        + jobId
                        + " did not reach the expected state in "
                        + WAIT
                        + "; it is "
                        + job.status()
                        + " / "
                        + job.statusReason());
    }

    static Job awaitStatus(BatchEmulator emulator, String jobId, JobStatus status)
            throws InterruptedException {
        return await(emulator, jobId, job -> job.status() == status);
    }
}
