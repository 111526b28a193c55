package cirrus.local.batch;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A separate JVM for {@link BatchRestartTest}: starts an emulator on a SQLite file, submits gated
 * jobs, prints {@code READY <name>=<jobId>…} once three of them run, then waits to be killed
 * ({@code kill -9}); it exits by itself after 60 s so that it can never outlive the test.
 */
public final class CrashingEmulator {
    static final String RESOURCES =
            """
            {
              "Ce": {"Type": "AWS::Batch::ComputeEnvironment", "Properties": {
                "ComputeEnvironmentName": "ce", "Type": "MANAGED",
                "ComputeResources": {"Type": "EC2", "MaxvCpus": 6}}},
              "Queue": {"Type": "AWS::Batch::JobQueue", "Properties": {
                "JobQueueName": "queue", "Priority": 1,
                "ComputeEnvironmentOrder": [{"Order": 1, "ComputeEnvironment": "ce"}]}},
              "Gated": {"Type": "AWS::Batch::JobDefinition", "Properties": {
                "JobDefinitionName": "gated", "Type": "container",
                "ContainerProperties": {"Image": "local/sh", "Vcpus": 2, "Memory": 64}}},
              "SpotSafe": {"Type": "AWS::Batch::JobDefinition", "Properties": {
                "JobDefinitionName": "spot-safe", "Type": "container",
                "RetryStrategy": {"Attempts": 3, "EvaluateOnExit": [
                  {"OnStatusReason": "Host EC2*", "Action": "RETRY"},
                  {"OnReason": "*", "Action": "EXIT"}]},
                "ContainerProperties": {"Image": "local/sh", "Vcpus": 2, "Memory": 64}}}
            }
            """;

    private CrashingEmulator() {}

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        Gates gates = new Gates(work.resolve("gates"));
        JobStore store = SqliteJobStore.open(work.resolve("state.db"));
        BatchEmulator emulator =
                BatchEmulator.start(
                        Cfn.resources(RESOURCES),
                        store,
                        SubprocessLauncher.of(Map.of("local/sh", List.of("sh", "-c"))),
                        BatchSettings.defaults(work.resolve("logs")));
        String retried = emulator.submitJob(gates.job("retried", "queue", "spot-safe")).jobId();
        String lost = emulator.submitJob(gates.job("lost", "queue", "gated")).jobId();
        String finished = emulator.submitJob(gates.job("finished", "queue", "gated")).jobId();
        String queued = emulator.submitJob(gates.job("queued", "queue", "gated")).jobId();
        Gates.awaitStatus(emulator, retried, JobStatus.RUNNING);
        Gates.awaitStatus(emulator, lost, JobStatus.RUNNING);
        Gates.awaitStatus(emulator, finished, JobStatus.RUNNING);
        Gates.awaitStatus(emulator, queued, JobStatus.RUNNABLE);
        System.out.println(
                "READY retried="
                        + retried
                        + " lost="
                        + lost
                        + " finished="
                        + finished
                        + " queued="
                        + queued);
        System.out.flush();
        Thread.sleep(60_000);
        System.exit(3);
    }
}
