package cirrus.local.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import cirrus.local.batch.Job;
import cirrus.local.batch.JobStatus;
import cirrus.local.model.LocalModel;
import cirrus.runtime.json.Json;
import cirrus.runtime.payload.PayloadId;
import cirrus.runtime.port.StateRecord;
import cirrus.runtime.port.WorkflowState;

/**
 * The seed's Batch pattern: pre-batch → submitJob.sync → post-batch in a Parallel with Retry/Catch.
 */
class BatchWorkflowTest {
    static final String WORKFLOW =
            """
            Comment: stamp items in Batch, then publish
            StartAt: batch
            States:
              batch:
                Type: Parallel
                Branches:
                  - StartAt: pre-batch
                    States:
                      pre-batch:
                        Type: Task
                        Resource: !GetAtt pre-batch.Arn
                        Next: stamp
                      stamp:
                        Type: Task
                        Resource: arn:aws:states:::batch:submitJob.sync
                        Parameters:
                          JobName: stamp
                          JobQueue: "#{StampJobQueue}"
                          JobDefinition: "#{StampJobDefinition}"
                          Parameters:
                            url.$: $.url
                            url_out.$: $.url_out
                        Next: post-batch
                        Retry:
                          - ErrorEquals: [Batch.AWSBatchException]
                            IntervalSeconds: 600
                            MaxAttempts: 2
                      post-batch:
                        Type: Task
                        Resource: !GetAtt post-batch.Arn
                        End: true
                OutputPath: $[0]
                Next: publish
                Catch:
                  - ErrorEquals: [States.ALL]
                    ResultPath: $.error
                    Next: batch-failed
              batch-failed:
                Type: Task
                Resource: !GetAtt post-batch.Arn
                Next: failure
                Catch:
                  - ErrorEquals: [States.ALL]
                    ResultPath: $.error
                    Next: failure
              publish:
                Type: Task
                Resource: !GetAtt publish.Arn
                End: true
                Catch:
                  - ErrorEquals: [States.ALL]
                    ResultPath: $.error
                    Next: failure
              failure:
                Type: Fail
            """;

    static final String RESOURCES =
            """
            StampComputeEnvironment:
              Type: AWS::Batch::ComputeEnvironment
              Properties:
                ComputeEnvironmentName: "#{AWS::StackName}-stamp"
                Type: MANAGED
                State: ENABLED
                ComputeResources: {Type: EC2, MaxvCpus: 4, MinvCpus: 0}
            StampJobQueue:
              Type: AWS::Batch::JobQueue
              Properties:
                JobQueueName: "#{AWS::StackName}-stamp"
                State: ENABLED
                Priority: 1
                ComputeEnvironmentOrder:
                  - {Order: 1, ComputeEnvironment: !Ref StampComputeEnvironment}
            StampJobDefinition:
              Type: AWS::Batch::JobDefinition
              Properties:
                JobDefinitionName: "#{AWS::StackName}-stamp"
                Type: Container
                Parameters: {url: "", url_out: ""}
                ContainerProperties:
                  Image: example/stamp:latest
                  Command: [process, Ref::url, --output, Ref::url_out]
                  ResourceRequirements:
                    - {Type: VCPU, Value: "1"}
                    - {Type: MEMORY, Value: "512"}
                RetryStrategy: {Attempts: 1}
            """;

    @TempDir Path project;

    private LocalModel model(String localSettings) throws Exception {
        return TestProjects.initOnly(project)
                .workflow("stamp", WORKFLOW)
                .resources(RESOURCES)
                .local(localSettings)
                .model();
    }

    private static StateRecord awaitFinal(LocalEngine engine, String id) {
        return Await.until(
                id + " final",
                Duration.ofSeconds(60),
                () ->
                        engine.states()
                                .get(PayloadId.parse(id))
                                .filter(r -> r.state().isFinal())
                                .orElse(null));
    }

    @Test
    void aJavaBatchTaskRunsBetweenPreAndPostBatchAndItsOutputIsPublished() throws Exception {
        LocalModel model =
                model(
                        "images: {example/stamp:latest: {java: "
                                + cirrus.local.engine.fixtures.StampTask.class.getName()
                                + "}}");
        try (LocalEngine engine =
                LocalEngine.start(model, EngineOptions.defaults().withTimeScale(0.001))) {
            engine.submit(TestProjects.payload("stamp", "item-1"));
            StateRecord done = awaitFinal(engine, "test-collection/workflow-stamp/item-1");

            assertThat(done.state())
                    .as(done.lastError().orElse(""))
                    .isEqualTo(WorkflowState.COMPLETED);
            Path published =
                    model.bucket("Data")
                            .orElseThrow()
                            .directory()
                            .resolve("test-collection/2020/7/item-1/item-1.json");
            JsonNode item = Json.parse(Files.readAllBytes(published));
            assertThat(item.path("properties").path("stamped_by").asText()).isEqualTo("StampTask");

            List<Job> jobs =
                    engine.batch().orElseThrow().listJobs("cirrus-dev-stamp", JobStatus.SUCCEEDED);
            assertThat(jobs).hasSize(1);
            assertThat(jobs.get(0).history())
                    .extracting(h -> h.status())
                    .containsExactly(
                            JobStatus.SUBMITTED,
                            JobStatus.PENDING,
                            JobStatus.RUNNABLE,
                            JobStatus.STARTING,
                            JobStatus.RUNNING,
                            JobStatus.SUCCEEDED);
            assertThat(jobs.get(0).parameters().get("url"))
                    .startsWith("s3://cirrus-dev-payloads/batch/");
        }
    }

    @Test
    void anInvalidInputErrorInTheJobLogBubblesUpThroughPostBatchToInvalid() throws Exception {
        assumeTrue(
                Files.isExecutable(Path.of("/bin/sh")) || System.getenv("CI") != null,
                "needs /bin/sh");
        LocalModel model =
                model(
                        """
                        images:
                          example/stamp:latest: [sh, -c, 'echo "checking $1"; echo "InvalidInput: no assets to stamp" >&2; exit 1', job]
                        """);
        try (LocalEngine engine =
                LocalEngine.start(model, EngineOptions.defaults().withTimeScale(0.001))) {
            engine.submit(TestProjects.payload("stamp", "item-2"));
            StateRecord done = awaitFinal(engine, "test-collection/workflow-stamp/item-2");

            assertThat(done.state()).isEqualTo(WorkflowState.INVALID);
            assertThat(done.lastError()).contains("InvalidInput: no assets to stamp");
            List<Job> failed =
                    engine.batch().orElseThrow().listJobs("cirrus-dev-stamp", JobStatus.FAILED);
            assertThat(failed).hasSize(1);
            assertThat(failed.get(0).attempts().get(0).exitCode()).isEqualTo(1);
        }
    }

    @Test
    void anImageWithoutLocalCommandFailsThePayloadWithAClearError() throws Exception {
        LocalModel model = model("images: {}");
        try (LocalEngine engine =
                LocalEngine.start(model, EngineOptions.defaults().withTimeScale(0.001))) {
            engine.submit(TestProjects.payload("stamp", "item-3"));
            StateRecord done = awaitFinal(engine, "test-collection/workflow-stamp/item-3");

            assertThat(done.state()).isEqualTo(WorkflowState.FAILED);
            assertThat(done.lastError().orElse(""))
                    .contains("Unable to get error log, container likely never ran")
                    .contains("no local command is configured for image 'example/stamp:latest'")
                    .contains("custom.local.images");
        }
    }
}
