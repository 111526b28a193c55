package cirrus.local.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cirrus.local.store.DirectoryBlobStore;
import cirrus.local.store.FileLogs;
import cirrus.runtime.builtin.PostBatchTask;
import cirrus.runtime.builtin.TaskError;
import cirrus.runtime.payload.PayloadTransport;
import cirrus.runtime.payload.SizeLimit;

/**
 * post-batch works unchanged on the emulator: a failed job's Step Functions error {@code Cause}
 * (the PascalCase job description) leads the real {@link PostBatchTask} to the job's log stream
 * through the local {@link FileLogs}, and the last log line becomes the workflow error.
 */
class PostBatchOnEmulatorTest {
    private static final String RESOURCES =
            """
            {
              "Ce": {"Type": "AWS::Batch::ComputeEnvironment", "Properties": {
                "Type": "MANAGED", "ComputeResources": {"Type": "EC2", "MaxvCpus": 2}}},
              "Queue": {"Type": "AWS::Batch::JobQueue", "Properties": {
                "JobQueueName": "queue", "Priority": 1,
                "ComputeEnvironmentOrder": [{"Order": 1, "ComputeEnvironment": "Ce"}]}},
              "Task": {"Type": "AWS::Batch::JobDefinition", "Properties": {
                "JobDefinitionName": "my-task", "Type": "container", "Parameters": {"url": ""},
                "ContainerProperties": {"Image": "local/sh", "Command": ["Ref::url"],
                  "Vcpus": 1, "Memory": 128}}},
              "Unmapped": {"Type": "AWS::Batch::JobDefinition", "Properties": {
                "JobDefinitionName": "unmapped", "Type": "container",
                "ContainerProperties": {"Image": "registry/unmapped:1", "Vcpus": 1, "Memory": 128}}}
            }
            """;

    @TempDir Path dir;

    private TaskError postBatchError(SubmitJobRequest request) throws Exception {
        try (JobStore store = new InMemoryJobStore();
                BatchEmulator emulator =
                        BatchEmulator.start(
                                Cfn.resources(RESOURCES),
                                store,
                                SubprocessLauncher.of(Map.of("local/sh", List.of("sh", "-c"))),
                                BatchSettings.defaults(dir.resolve("logs/aws/batch/job")))) {
            String id = emulator.submitJob(request).jobId();
            Job job = emulator.awaitTerminal(id, Duration.ofSeconds(30));
            assertThat(job.status()).isEqualTo(JobStatus.FAILED);
            ObjectNode catchOutput = new ObjectMapper().createObjectNode();
            catchOutput
                    .putObject("error")
                    .put("Error", "States.TaskFailed")
                    .put("Cause", JobJson.text(JobJson.stepFunctions(JobJson.detail(job))));
            PostBatchTask postBatch =
                    new PostBatchTask(
                            new PayloadTransport(
                                    new DirectoryBlobStore(dir.resolve("buckets")),
                                    "payloads",
                                    SizeLimit.DEFAULT),
                            new FileLogs(dir.resolve("logs")));
            try {
                postBatch.handle(catchOutput);
            } catch (TaskError e) {
                return e;
            }
            throw new AssertionError("post-batch did not fail");
        }
    }

    @Test
    void theLastLogLineOfAFailedJobBecomesTheWorkflowError() throws Exception {
        TaskError error =
                postBatchError(
                        SubmitJobRequest.of("p1", "queue", "my-task")
                                .withParameters(
                                        Map.of(
                                                "url",
                                                "echo processing; echo 'cirrus.lib.errors."
                                                        + "InvalidInput: item has no assets';"
                                                        + " exit 1")));
        assertThat(error.errorType()).isEqualTo("InvalidInput");
        assertThat(error.getMessage()).isEqualTo("item has no assets");
    }

    @Test
    void aJobThatNeverRanIsExplainedByItsReasons() throws Exception {
        TaskError error = postBatchError(SubmitJobRequest.of("p2", "queue", "unmapped"));
        assertThat(error.errorType()).isEqualTo(TaskError.GENERIC);
        assertThat(error.getMessage())
                .isEqualTo(
                        "Unable to get error log, container likely never ran. Container Reason:"
                                + " CannotPullContainerError: no local command is configured for"
                                + " image 'registry/unmapped:1'; map this image to a command prefix"
                                + " in the local image map; Status Reason: Task failed to start");
    }
}
