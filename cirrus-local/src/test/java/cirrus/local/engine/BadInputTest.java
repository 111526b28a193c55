package cirrus.local.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cirrus.local.batch.JobStatus;
import cirrus.local.engine.fixtures.SlowHandler;
import cirrus.local.engine.fixtures.StampTask;
import cirrus.local.model.LocalModel;
import cirrus.runtime.payload.PayloadId;
import cirrus.runtime.port.StateRecord;
import cirrus.runtime.port.WorkflowState;

/**
 * Bad input ends the payload FAILED with a last_error that says what to fix; the engine goes on.
 */
class BadInputTest {
    @TempDir Path project;

    private static StateRecord awaitFinal(LocalEngine engine, String id) {
        return Await.until(
                id + " final",
                Duration.ofSeconds(30),
                () ->
                        engine.states()
                                .get(PayloadId.parse(id))
                                .filter(r -> r.state().isFinal())
                                .orElse(null));
    }

    @Test
    void aJobThatCanNeverFitItsComputeEnvironmentFailsInsteadOfWaitingForever() throws Exception {
        LocalModel model =
                TestProjects.initOnly(project)
                        .workflow("stamp", BatchWorkflowTest.WORKFLOW)
                        .resources(
                                BatchWorkflowTest.RESOURCES.replace(
                                        "{Type: VCPU, Value: \"1\"}",
                                        "{Type: VCPU, Value: \"16\"}"))
                        .local(
                                "images: {example/stamp:latest: {java: "
                                        + StampTask.class.getName()
                                        + "}}")
                        .model();
        try (LocalEngine engine = LocalEngine.start(model, EngineOptions.defaults())) {
            engine.submit(TestProjects.payload("stamp", "huge"));
            StateRecord done = awaitFinal(engine, "test-collection/workflow-stamp/huge");

            assertThat(done.state()).isEqualTo(WorkflowState.FAILED);
            assertThat(done.lastError().orElse(""))
                    .contains("MISCONFIGURATION:COMPUTE_ENVIRONMENT_MAX_RESOURCE")
                    .contains("raise MaxvCpus");
            assertThat(engine.batch().orElseThrow().listJobs("cirrus-dev-stamp", JobStatus.FAILED))
                    .hasSize(1);

            engine.submit(TestProjects.payload("publish-only", "after"));
            assertThat(awaitFinal(engine, "test-collection/workflow-publish-only/after").state())
                    .as("the engine keeps running")
                    .isEqualTo(WorkflowState.COMPLETED);
        }
    }

    @Test
    void aHandlerThatTimesOutFailsThePayloadWithLambdasTimeoutError() throws Exception {
        LocalModel model =
                TestProjects.initOnly(project)
                        .function(
                                "slow",
                                "{handler: "
                                        + SlowHandler.class.getName()
                                        + ", runtime: java17, timeout: 1}")
                        .workflow(
                                "slow",
                                """
                                StartAt: slow
                                States:
                                  slow:
                                    Type: Task
                                    Resource: !GetAtt slow.Arn
                                    End: true
                                    Catch: [{ErrorEquals: [States.ALL], ResultPath: $.error, Next: failure}]
                                  failure: {Type: Fail}
                                """)
                        .model();
        try (LocalEngine engine = LocalEngine.start(model, EngineOptions.defaults())) {
            engine.submit(TestProjects.payload("slow", "s-1"));
            StateRecord done = awaitFinal(engine, "test-collection/workflow-slow/s-1");

            assertThat(done.state()).isEqualTo(WorkflowState.FAILED);
            assertThat(done.lastError().orElse(""))
                    .startsWith("Sandbox.Timedout: RequestId: ")
                    .endsWith("Error: Task timed out after 1.00 seconds");
        }
    }
}
