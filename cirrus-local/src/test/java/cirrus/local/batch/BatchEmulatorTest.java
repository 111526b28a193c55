package cirrus.local.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cirrus.local.store.FileLogs;
import cirrus.runtime.port.LogReader;

/** The emulator's API beyond what the conformance cases cover. */
class BatchEmulatorTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir Path dir;

    private static String resources(String image, String vcpus) {
        return """
            {
              "Ce": {"Type": "AWS::Batch::ComputeEnvironment", "Properties": {
                "Type": "MANAGED", "ComputeResources": {"Type": "FARGATE", "MaxvCpus": 4}}},
              "Queue": {"Type": "AWS::Batch::JobQueue", "Properties": {
                "JobQueueName": "queue", "Priority": 1,
                "ComputeEnvironmentOrder": [{"Order": 1, "ComputeEnvironment": "Ce"}]}},
              "Task": {"Type": "AWS::Batch::JobDefinition", "Properties": {
                "JobDefinitionName": "task", "Type": "container",
                "Parameters": {"url": "", "url_out": ""},
                "ContainerProperties": {"Image": "%s", "Command": ["process", "Ref::url"],
                  "ResourceRequirements": [{"Type": "VCPU", "Value": "%s"},
                                           {"Type": "MEMORY", "Value": "512"}]}}}
            }
            """
                .formatted(image, vcpus);
    }

    private BatchEmulator start(JobStore store, String resources, ContainerLauncher launcher) {
        return BatchEmulator.start(
                Cfn.resources(resources),
                store,
                launcher,
                BatchSettings.defaults(dir.resolve("aws/batch/job")));
    }

    private static ContainerLauncher echo() {
        ContainerTask task =
                invocation -> {
                    invocation.log().println(String.join(" ", invocation.command()));
                    return 0;
                };
        return new InProcessLauncher(Map.of("runner", task), null);
    }

    @Test
    void aChangedDefinitionGetsANewRevisionAndTheOldOneCannotBeSubmitted() throws Exception {
        try (JobStore store = SqliteJobStore.open(dir.resolve("state.db"))) {
            try (BatchEmulator first = start(store, resources("java:runner", "1"), echo())) {
                assertThat(first.jobDefinitions("task"))
                        .extracting(JobDefinition::revision, JobDefinition::status)
                        .containsExactly(
                                org.assertj.core.groups.Tuple.tuple(
                                        1, JobDefinition.Status.ACTIVE));
            }
            try (BatchEmulator unchanged = start(store, resources("java:runner", "1"), echo())) {
                assertThat(unchanged.jobDefinitions("task")).hasSize(1);
            }
            try (BatchEmulator changed = start(store, resources("java:runner", "2"), echo())) {
                assertThat(changed.jobDefinitions("task"))
                        .extracting(JobDefinition::revision, JobDefinition::status)
                        .containsExactly(
                                org.assertj.core.groups.Tuple.tuple(
                                        1, JobDefinition.Status.INACTIVE),
                                org.assertj.core.groups.Tuple.tuple(
                                        2, JobDefinition.Status.ACTIVE));
                assertThatThrownBy(
                                () ->
                                        changed.submitJob(
                                                SubmitJobRequest.of("j", "queue", "task:1")))
                        .isInstanceOf(BatchClientException.class)
                        .hasMessage(
                                "JobDefinition arn:aws:batch:us-east-1:123456789012:"
                                        + "job-definition/task:1 is not in ACTIVE status");
                String id = changed.submitJob(SubmitJobRequest.of("j", "queue", "task")).jobId();
                Job job = changed.awaitTerminal(id, WAIT);
                assertThat(job.jobDefinitionArn()).endsWith("job-definition/task:2");
                assertThat(job.container().resources().vcpus()).isEqualTo(2.0);
            }
        }
    }

    @Test
    void registeringASpecDirectlyFollowsTheSameRevisionRules() {
        try (JobStore store = new InMemoryJobStore();
                BatchEmulator emulator = start(store, resources("java:runner", "1"), echo())) {
            JobDefinitionSpec spec = emulator.jobDefinitions("task").get(0).spec();
            assertThat(emulator.registerJobDefinition(spec).revision()).isEqualTo(1);
            JobDefinitionSpec changed =
                    new JobDefinitionSpec(
                            spec.name(),
                            spec.parameters(),
                            spec.container(),
                            new RetryStrategy(2, List.of()),
                            null,
                            Map.of(),
                            false,
                            null);
            assertThat(emulator.registerJobDefinition(changed).revision()).isEqualTo(2);
        }
    }

    @Test
    void describeJobsGivesTheApiShapeAndStepFunctionsTheOnePostBatchReads() throws Exception {
        try (JobStore store = new InMemoryJobStore();
                BatchEmulator emulator = start(store, resources("java:runner", "0.5"), echo())) {
            String id =
                    emulator.submitJob(
                                    SubmitJobRequest.of("p1", "queue", "task")
                                            .withParameters(
                                                    Map.of(
                                                            "url",
                                                            "s3://p/in.json",
                                                            "url_out",
                                                            "s3://p/out.json")))
                            .jobId();
            emulator.awaitTerminal(id, WAIT);
            ObjectNode response = emulator.describeJobsJson(List.of(id, "unknown-id"));
            assertThat(response.get("jobs")).hasSize(1);
            JsonNode detail = response.get("jobs").get(0);
            assertThat(detail.get("status").asText()).isEqualTo("SUCCEEDED");
            assertThat(detail.get("jobQueue").asText())
                    .isEqualTo("arn:aws:batch:us-east-1:123456789012:job-queue/queue");
            assertThat(detail.at("/container/command").toString())
                    .isEqualTo("[\"process\",\"s3://p/in.json\"]");
            assertThat(detail.at("/container/resourceRequirements/0/value").asText())
                    .isEqualTo("0.5");

            ObjectNode output = JobJson.stepFunctions((ObjectNode) detail);
            assertThat(output.at("/Parameters/url_out").asText()).isEqualTo("s3://p/out.json");
            String stream = output.at("/Attempts/0/Container/LogStreamName").asText();
            assertThat(stream).isEqualTo("task/default/" + id);
            assertThat(output.at("/Container/ExitCode").asInt()).isZero();
            assertThat(output.at("/StatusReason").asText())
                    .isEqualTo("Essential container in task exited");
            assertThat(new FileLogs(dir).lastLines(LogReader.BATCH_LOG_GROUP, stream, 10))
                    .as("post-batch's log reader sees the job's log stream")
                    .containsExactly("process s3://p/in.json");
        }
    }

    @Test
    void listJobsDefaultsToRunningLikeTheApi() throws Exception {
        try (JobStore store = new InMemoryJobStore();
                BatchEmulator emulator = start(store, resources("java:runner", "1"), echo())) {
            String id = emulator.submitJob(SubmitJobRequest.of("j", "queue", "task")).jobId();
            emulator.awaitTerminal(id, WAIT);
            assertThat(emulator.listJobs("queue", null)).isEmpty();
            assertThat(
                            emulator.listJobs(
                                    "arn:aws:batch:us-east-1:123456789012:job-queue/queue",
                                    JobStatus.SUCCEEDED))
                    .extracting(Job::jobId)
                    .containsExactly(id);
            assertThat(
                            JobJson.summary(emulator.listJobs("queue", JobStatus.SUCCEEDED).get(0))
                                    .at("/container/exitCode")
                                    .asInt())
                    .isZero();
            assertThatThrownBy(() -> emulator.listJobs("nope", null))
                    .isInstanceOf(BatchClientException.class);
        }
    }

    @Test
    void anOversizedRequestIsRejectedLikeTheThirtyKibLimit() {
        try (JobStore store = new InMemoryJobStore();
                BatchEmulator emulator = start(store, resources("java:runner", "1"), echo())) {
            SubmitJobRequest big =
                    SubmitJobRequest.of("j", "queue", "task")
                            .withParameters(Map.of("payload", "x".repeat(31 * 1024)));
            assertThatThrownBy(() -> emulator.submitJob(big))
                    .isInstanceOf(BatchClientException.class)
                    .hasMessageContaining("accepts at most 30 KiB")
                    .hasMessageContaining("pre-batch");
        }
    }

    @Test
    void unknownJobsAreClientErrors() {
        try (JobStore store = new InMemoryJobStore();
                BatchEmulator emulator = start(store, resources("java:runner", "1"), echo())) {
            assertThatThrownBy(() -> emulator.awaitTerminal("nope", WAIT))
                    .isInstanceOf(BatchClientException.class)
                    .hasMessage("Job nope not found.");
            assertThatThrownBy(() -> emulator.cancelJob("nope", "why"))
                    .isInstanceOf(BatchClientException.class);
            assertThat(emulator.job("nope")).isEmpty();
        }
    }

    @Test
    void aFailingListenerDoesNotStopTheEmulator() throws Exception {
        try (JobStore store = new InMemoryJobStore();
                BatchEmulator emulator = start(store, resources("java:runner", "1"), echo())) {
            emulator.addListener(
                    job -> {
                        throw new IllegalStateException("listener bug");
                    });
            String id = emulator.submitJob(SubmitJobRequest.of("j", "queue", "task")).jobId();
            assertThat(emulator.awaitTerminal(id, WAIT).status()).isEqualTo(JobStatus.SUCCEEDED);
        }
    }

    @Test
    void listenersMayCallTheEmulatorBackToChainJobs() throws Exception {
        try (JobStore store = new InMemoryJobStore();
                BatchEmulator emulator = start(store, resources("java:runner", "1"), echo())) {
            java.util.concurrent.CompletableFuture<String> next =
                    new java.util.concurrent.CompletableFuture<>();
            emulator.addListener(
                    job -> {
                        if (job.jobName().equals("first") && job.status().isTerminal()) {
                            next.complete(
                                    emulator.submitJob(
                                                    SubmitJobRequest.of("second", "queue", "task"))
                                            .jobId());
                        }
                    });
            emulator.submitJob(SubmitJobRequest.of("first", "queue", "task"));
            String second = next.get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(emulator.awaitTerminal(second, WAIT).status())
                    .isEqualTo(JobStatus.SUCCEEDED);
        }
    }

    @Test
    void anExceptionInAJavaTaskFailsTheJobWithTheErrorAsLastLogLine() throws Exception {
        ContainerTask failing =
                invocation -> {
                    throw new IllegalArgumentException("no such collection");
                };
        try (JobStore store = new InMemoryJobStore();
                BatchEmulator emulator =
                        start(
                                store,
                                resources("java:runner", "1"),
                                new InProcessLauncher(Map.of("runner", failing), null))) {
            String id = emulator.submitJob(SubmitJobRequest.of("j", "queue", "task")).jobId();
            Job job = emulator.awaitTerminal(id, WAIT);
            assertThat(job.status()).isEqualTo(JobStatus.FAILED);
            assertThat(job.attempts().get(0).exitCode()).isEqualTo(1);
            Path log =
                    dir.resolve("aws/batch/job/" + job.attempts().get(0).logStreamName() + ".log");
            assertThat(Files.readAllLines(log))
                    .containsExactly("IllegalArgumentException: no such collection");
        }
    }

    @Test
    void closingStopsRunningContainersAndTheNextStartEndsTheirAttempts() throws Exception {
        Gates gates = new Gates(dir.resolve("gates"));
        String resources = resources("local/sh", "1");
        ContainerLauncher shell = SubprocessLauncher.of(Map.of("local/sh", List.of("sh", "-c")));
        BatchSettings settings = BatchSettings.defaults(dir.resolve("logs")).withTimeScale(0.01);
        String id;
        long pid;
        try (JobStore store = SqliteJobStore.open(dir.resolve("state.db"))) {
            try (BatchEmulator emulator =
                    BatchEmulator.start(Cfn.resources(resources), store, shell, settings)) {
                id = emulator.submitJob(gates.job("long", "queue", "task")).jobId();
                pid = Gates.awaitStatus(emulator, id, JobStatus.RUNNING).current().pid();
            }
            assertThat(store.get(id).orElseThrow().status())
                    .as("close leaves the job as a host shutdown would")
                    .isEqualTo(JobStatus.RUNNING);
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive))
                    .isNotEqualTo(java.util.Optional.of(true));
            try (BatchEmulator next =
                    BatchEmulator.start(Cfn.resources(resources), store, shell, settings)) {
                Job job = next.awaitTerminal(id, WAIT);
                assertThat(job.status()).isEqualTo(JobStatus.FAILED);
                assertThat(job.statusReason()).isEqualTo("Host EC2 (instance local) terminated.");
            }
        }
    }
}
