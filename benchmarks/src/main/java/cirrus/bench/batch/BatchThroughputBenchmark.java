package cirrus.bench.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import cirrus.local.batch.BatchEmulator;
import cirrus.local.batch.BatchResources;
import cirrus.local.batch.BatchSettings;
import cirrus.local.batch.ContainerLauncher;
import cirrus.local.batch.ContainerTask;
import cirrus.local.batch.InProcessLauncher;
import cirrus.local.batch.JobStatus;
import cirrus.local.batch.JobStore;
import cirrus.local.batch.SqliteJobStore;
import cirrus.local.batch.SubmitJobRequest;
import cirrus.local.batch.SubprocessLauncher;

/**
 * Trivial Batch jobs per second through the local emulator, end to end: SubmitJob, the whole
 * lifecycle persisted in SQLite (SUBMITTED … SUCCEEDED), the container run, and the wait for the
 * terminal state. Each operation submits {@code inFlight} jobs at once and waits for all of them;
 * the {@code jobs} counter is the throughput. {@code launcher}: {@code subprocess} runs {@code
 * true} as a real process per job, {@code in-process} a Java task that returns 0. The compute
 * environment has 256 vCPUs, so capacity never limits.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 1, time = 3)
@Measurement(iterations = 3, time = 3)
public class BatchThroughputBenchmark {
    private static final String RESOURCES =
            """
            {
              "Ce": {"Type": "AWS::Batch::ComputeEnvironment", "Properties": {
                "ComputeEnvironmentName": "ce", "Type": "MANAGED",
                "ComputeResources": {"Type": "EC2", "MaxvCpus": 256}}},
              "Queue": {"Type": "AWS::Batch::JobQueue", "Properties": {
                "JobQueueName": "queue", "Priority": 1,
                "ComputeEnvironmentOrder": [{"Order": 1, "ComputeEnvironment": "ce"}]}},
              "Trivial": {"Type": "AWS::Batch::JobDefinition", "Properties": {
                "JobDefinitionName": "trivial", "Type": "container",
                "ContainerProperties": {"Image": "%s", "Command": ["true"],
                  "ResourceRequirements": [{"Type": "VCPU", "Value": "1"},
                                           {"Type": "MEMORY", "Value": "128"}]}}}
            }
            """;

    @Param({"subprocess", "in-process"})
    public String launcher;

    @Param({"1", "16", "64"})
    public int inFlight;

    private Path work;
    private JobStore store;
    private BatchEmulator emulator;
    private long counter;

    /** The throughput counter: jobs that reached SUCCEEDED. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Jobs {
        public long jobs;

        @Setup(Level.Iteration)
        public void reset() {
            jobs = 0;
        }
    }

    @Setup(Level.Trial)
    @SuppressWarnings("unchecked")
    public void start() throws IOException {
        work = Files.createTempDirectory("batch-bench");
        boolean subprocess = launcher.equals("subprocess");
        String image = subprocess ? "local/exec" : "java:noop";
        Map<String, Object> cfn =
                new com.fasterxml.jackson.databind.ObjectMapper()
                        .readValue(RESOURCES.formatted(image), Map.class);
        ContainerLauncher containers =
                subprocess
                        ? SubprocessLauncher.of(Map.of("local/exec", List.of()))
                        : new InProcessLauncher(Map.of("noop", (ContainerTask) i -> 0), null);
        store = SqliteJobStore.open(work.resolve("state.db"));
        emulator =
                BatchEmulator.start(
                        BatchResources.fromCloudFormation(cfn),
                        store,
                        containers,
                        BatchSettings.defaults(work.resolve("logs")));
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        emulator.close();
        store.close();
        try (Stream<Path> files = Files.walk(work)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Benchmark
    public void submitAndAwait(Jobs jobs) throws TimeoutException, InterruptedException {
        List<String> ids = new ArrayList<>(inFlight);
        for (int i = 0; i < inFlight; i++) {
            ids.add(
                    emulator.submitJob(SubmitJobRequest.of("job-" + counter++, "queue", "trivial"))
                            .jobId());
        }
        for (String id : ids) {
            if (emulator.awaitTerminal(id, Duration.ofSeconds(60)).status()
                    != JobStatus.SUCCEEDED) {
                throw new IllegalStateException("job " + id + " failed");
            }
            jobs.jobs++;
        }
    }
}
