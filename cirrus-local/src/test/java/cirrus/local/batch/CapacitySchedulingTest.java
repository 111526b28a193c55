package cirrus.local.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MaxvCpus caps the vCPUs of the jobs running on a compute environment: jobs queue when it is
 * exhausted and start when capacity frees, higher-priority queues first. Jobs are real {@code sh}
 * processes held open by gate files, so the test decides when capacity frees.
 */
class CapacitySchedulingTest {
    private static final String RESOURCES =
            """
            {
              "Ce": {"Type": "AWS::Batch::ComputeEnvironment", "Properties": {
                "ComputeEnvironmentName": "ce", "Type": "MANAGED",
                "ComputeResources": {"Type": "EC2", "MinvCpus": 0, "MaxvCpus": 4}}},
              "High": {"Type": "AWS::Batch::JobQueue", "Properties": {
                "JobQueueName": "high", "Priority": 10,
                "ComputeEnvironmentOrder": [{"Order": 1, "ComputeEnvironment": {"Ref": "Ce"}}]}},
              "Low": {"Type": "AWS::Batch::JobQueue", "Properties": {
                "JobQueueName": "low", "Priority": 1,
                "ComputeEnvironmentOrder": [{"Order": 1, "ComputeEnvironment": {"Ref": "Ce"}}]}},
              "Gated": {"Type": "AWS::Batch::JobDefinition", "Properties": {
                "JobDefinitionName": "gated", "Type": "container",
                "ContainerProperties": {"Image": "local/sh", "Vcpus": 2, "Memory": 64}}}
            }
            """;

    @TempDir Path dir;
    private JobStore store;
    private BatchEmulator emulator;
    private Gates gates;
    private final List<String> starts = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong runningMilliVcpus = new AtomicLong();
    private final AtomicLong peakMilliVcpus = new AtomicLong();
    private final Map<String, String> names = new HashMap<>();

    @BeforeEach
    void start() throws Exception {
        gates = new Gates(dir.resolve("gates"));
        store = SqliteJobStore.open(dir.resolve("state.db"));
        JobListener listener =
                job -> {
                    long vcpus = job.container().resources().milliVcpus();
                    if (job.status() == JobStatus.STARTING) {
                        starts.add(job.jobName());
                        peakMilliVcpus.accumulateAndGet(
                                runningMilliVcpus.addAndGet(vcpus), Math::max);
                    } else if (job.status().isTerminal() && !job.attempts().isEmpty()) {
                        runningMilliVcpus.addAndGet(-vcpus);
                    }
                };
        emulator =
                BatchEmulator.start(
                        Cfn.resources(RESOURCES),
                        store,
                        SubprocessLauncher.of(Map.of("local/sh", List.of("sh", "-c"))),
                        BatchSettings.defaults(dir.resolve("logs")),
                        List.of(listener));
    }

    @AfterEach
    void stop() {
        emulator.close();
        store.close();
    }

    private String submit(String name, String queue) {
        String id = emulator.submitJob(gates.job(name, queue, "gated")).jobId();
        names.put(name, id);
        return id;
    }

    private JobStatus status(String name) {
        return emulator.job(names.get(name)).orElseThrow().status();
    }

    @Test
    void jobsQueueWhenMaxvCpusIsExhaustedAndStartByQueuePriorityWhenCapacityFrees()
            throws Exception {
        submit("a1", "low");
        submit("a2", "low");
        Gates.awaitStatus(emulator, names.get("a1"), JobStatus.RUNNING);
        Gates.awaitStatus(emulator, names.get("a2"), JobStatus.RUNNING);

        for (String[] job :
                new String[][] {{"l1", "low"}, {"h1", "high"}, {"l2", "low"}, {"h2", "high"}}) {
            Gates.awaitStatus(emulator, submit(job[0], job[1]), JobStatus.RUNNABLE);
        }
        assertThat(emulator.listJobs("low", JobStatus.RUNNING))
                .extracting(Job::jobName)
                .containsExactly("a1", "a2");
        assertThat(emulator.listJobs("high", JobStatus.RUNNABLE))
                .extracting(Job::jobName)
                .containsExactly("h1", "h2");
        assertThat(emulator.blockedJobs()).as("waiting for capacity is not blocked").isEmpty();

        // each release frees 2 vCPUs: exactly one waiting job fits, the highest-priority one
        String[][] releases = {{"a1", "h1"}, {"a2", "h2"}, {"h1", "l1"}, {"h2", "l2"}};
        for (String[] release : releases) {
            gates.open(release[0]);
            Gates.awaitStatus(emulator, names.get(release[0]), JobStatus.SUCCEEDED);
            Gates.awaitStatus(emulator, names.get(release[1]), JobStatus.RUNNING);
            assertThat(starts).last().isEqualTo(release[1]);
        }
        assertThat(status("l2")).isEqualTo(JobStatus.RUNNING);
        gates.open("l1");
        gates.open("l2");
        Gates.awaitStatus(emulator, names.get("l1"), JobStatus.SUCCEEDED);
        Gates.awaitStatus(emulator, names.get("l2"), JobStatus.SUCCEEDED);

        assertThat(starts).containsExactly("a1", "a2", "h1", "h2", "l1", "l2");
        assertThat(peakMilliVcpus.get()).as("never more than MaxvCpus").isEqualTo(4_000);
    }

    @Test
    void aJobTooBigForNowWaitsAtTheHeadOfItsQueueWithoutBeingReportedBlocked() throws Exception {
        submit("a1", "low");
        Gates.awaitStatus(emulator, names.get("a1"), JobStatus.RUNNING);
        String big =
                emulator.submitJob(
                                gates.job("big", "low", "gated")
                                        .withContainerOverrides(
                                                new ContainerOverrides(
                                                        List.of(Gates.COMMAND),
                                                        Map.of(
                                                                "JOB",
                                                                "big",
                                                                "GATE_DIR",
                                                                dir.resolve("gates").toString()),
                                                        new ResourceRequirements(4.0, null, null))))
                        .jobId();
        names.put("big", big);
        submit("small", "low");
        Gates.awaitStatus(emulator, names.get("small"), JobStatus.RUNNABLE);
        Gates.awaitStatus(emulator, big, JobStatus.RUNNABLE);
        assertThat(status("small"))
                .as("FIFO: the 2-vCPU job does not overtake the 4-vCPU job at the head")
                .isEqualTo(JobStatus.RUNNABLE);
        assertThat(emulator.blockedJobs()).isEmpty();

        gates.open("a1");
        Gates.awaitStatus(emulator, big, JobStatus.RUNNING);
        assertThat(status("small")).isEqualTo(JobStatus.RUNNABLE);
        gates.open("big");
        gates.open("small");
        Gates.awaitStatus(emulator, names.get("small"), JobStatus.SUCCEEDED);
        assertThat(starts).containsExactly("a1", "big", "small");
    }
}
