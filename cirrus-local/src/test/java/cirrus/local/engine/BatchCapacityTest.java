package cirrus.local.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cirrus.local.batch.BatchEmulator;
import cirrus.local.batch.JobStatus;
import cirrus.local.model.LocalModel;
import cirrus.runtime.payload.PayloadId;
import cirrus.runtime.port.WorkflowState;

/**
 * Jobs of two workflows share one compute environment of 2 vCPUs through a low- and a high-priority
 * queue: jobs beyond the capacity wait RUNNABLE, and freed capacity goes to the high-priority queue
 * first, whatever the submission order.
 */
class BatchCapacityTest {
    private static final String RESOURCES =
            """
            SharedComputeEnvironment:
              Type: AWS::Batch::ComputeEnvironment
              Properties:
                ComputeEnvironmentName: shared
                Type: MANAGED
                State: ENABLED
                ComputeResources: {Type: EC2, MaxvCpus: 2, MinvCpus: 0}
            LowQueue:
              Type: AWS::Batch::JobQueue
              Properties:
                JobQueueName: low
                Priority: 1
                ComputeEnvironmentOrder: [{Order: 1, ComputeEnvironment: !Ref SharedComputeEnvironment}]
            HighQueue:
              Type: AWS::Batch::JobQueue
              Properties:
                JobQueueName: high
                Priority: 10
                ComputeEnvironmentOrder: [{Order: 1, ComputeEnvironment: !Ref SharedComputeEnvironment}]
            GatedJob:
              Type: AWS::Batch::JobDefinition
              Properties:
                JobDefinitionName: gated
                Type: Container
                Parameters: {item: ""}
                ContainerProperties:
                  Image: example/gated:1
                  Command: [Ref::item]
                  ResourceRequirements: [{Type: VCPU, Value: "1"}, {Type: MEMORY, Value: "256"}]
            """;

    private static String workflow(String queue) {
        return """
                StartAt: job
                States:
                  job:
                    Type: Task
                    Resource: arn:aws:states:::batch:submitJob.sync
                    Parameters:
                      JobName: gated
                      JobQueue: "#{%s}"
                      JobDefinition: "#{GatedJob}"
                      Parameters: {item.$: "$.features[0].id"}
                    ResultPath: $.job
                    End: true
                """
                .formatted(queue);
    }

    @TempDir Path project;

    private List<String> started() throws IOException {
        Path log = project.resolve("started.log");
        return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
    }

    private void awaitStarted(int n) {
        Await.until(
                n + " jobs started",
                Duration.ofSeconds(30),
                () -> {
                    try {
                        return started().size() >= n ? Boolean.TRUE : null;
                    } catch (IOException e) {
                        return null;
                    }
                });
    }

    @Test
    void jobsQueueWhenMaxvCpusIsExhaustedAndFreedCapacityGoesToTheHigherPriorityQueue()
            throws Exception {
        assumeTrue(
                Files.isExecutable(Path.of("/bin/sh")) || System.getenv("CI") != null,
                "needs /bin/sh");
        LocalModel model =
                TestProjects.initOnly(project)
                        .resources(RESOURCES)
                        .workflow("low", workflow("LowQueue"))
                        .workflow("high", workflow("HighQueue"))
                        .local(
                                """
                                images:
                                  example/gated:1:
                                    - sh
                                    - -c
                                    - 'echo "$1" >> started.log; while [ ! -f "gate-$1" ]; do sleep 0.02; done'
                                    - job
                                """)
                        .model();
        try (LocalEngine engine = LocalEngine.start(model, EngineOptions.defaults())) {
            BatchEmulator batch = engine.batch().orElseThrow();
            engine.submit(TestProjects.payload("low", "low-1"));
            engine.submit(TestProjects.payload("low", "low-2"));
            awaitStarted(2);

            engine.submit(TestProjects.payload("low", "low-3"));
            Await.until(
                    "low-3 queued",
                    Duration.ofSeconds(30),
                    () ->
                            batch.listJobs("low", JobStatus.RUNNABLE).isEmpty()
                                    ? null
                                    : Boolean.TRUE);
            engine.submit(TestProjects.payload("high", "high-1"));
            Await.until(
                    "high-1 queued",
                    Duration.ofSeconds(30),
                    () ->
                            batch.listJobs("high", JobStatus.RUNNABLE).isEmpty()
                                    ? null
                                    : Boolean.TRUE);
            assertThat(batch.listJobs("low", JobStatus.RUNNING)).hasSize(2);
            assertThat(started()).as("no capacity left: nothing else starts").hasSize(2);

            Files.createFile(project.resolve("gate-low-1"));
            awaitStarted(3);
            assertThat(started().get(2))
                    .as("the high-priority queue goes first")
                    .isEqualTo("high-1");
            assertThat(batch.listJobs("low", JobStatus.RUNNABLE)).hasSize(1);

            for (String id : List.of("low-2", "low-3", "high-1")) {
                Files.createFile(project.resolve("gate-" + id));
            }
            for (String id :
                    List.of(
                            "low/item/low-1",
                            "low/item/low-2",
                            "low/item/low-3",
                            "high/item/high-1")) {
                String[] parts = id.split("/");
                PayloadId pid =
                        PayloadId.parse("test-collection/workflow-" + parts[0] + "/" + parts[2]);
                Await.until(
                        id + " completed",
                        Duration.ofSeconds(30),
                        () ->
                                engine.states()
                                        .get(pid)
                                        .filter(r -> r.state() == WorkflowState.COMPLETED)
                                        .orElse(null));
            }
            List<String> order = started();
            assertThat(order.subList(0, 2)).containsExactlyInAnyOrder("low-1", "low-2");
            assertThat(order.subList(2, 4)).containsExactly("high-1", "low-3");
        }
    }
}
