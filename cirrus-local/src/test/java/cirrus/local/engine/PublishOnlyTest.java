package cirrus.local.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import cirrus.local.model.LocalModel;
import cirrus.runtime.json.Json;
import cirrus.runtime.payload.PayloadId;
import cirrus.runtime.port.StateRecord;
import cirrus.runtime.port.WorkflowState;
import cirrus.states.run.ExecutionStatus;

class PublishOnlyTest {
    @TempDir Path project;

    @Test
    void aPayloadGoesThroughProcessThePublishOnlyWorkflowAndUpdateState() throws Exception {
        LocalModel model = TestProjects.initOnly(project).model();
        try (LocalEngine engine = LocalEngine.start(model, EngineOptions.defaults())) {
            engine.submit(TestProjects.payload("publish-only", "item-1"));

            PayloadId id = PayloadId.parse("test-collection/workflow-publish-only/item-1");
            StateRecord done =
                    Await.until(
                            "payload COMPLETED",
                            Duration.ofSeconds(30),
                            () ->
                                    engine.states()
                                            .get(id)
                                            .filter(r -> r.state().isFinal())
                                            .orElse(null));

            assertThat(done.state()).isEqualTo(WorkflowState.COMPLETED);
            assertThat(done.executions()).hasSize(1);
            String url = "s3://cirrus-dev-data/test-collection/2020/7/item-1/item-1.json";
            assertThat(done.outputs()).containsExactly(url);
            Path published =
                    model.bucket("Data")
                            .orElseThrow()
                            .directory()
                            .resolve("test-collection/2020/7/item-1/item-1.json");
            JsonNode item = Json.parse(Files.readAllBytes(published));
            assertThat(item.path("links").get(0).path("rel").asText()).isEqualTo("self");
            assertThat(item.path("links").get(0).path("href").asText()).isEqualTo(url);

            ExecutionRecord execution =
                    engine.executions().get(done.executions().get(0)).orElseThrow();
            assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(execution.workflow()).isEqualTo("publish-only");
            assertThat(execution.arn())
                    .startsWith(
                            "arn:aws:states:us-west-2:000000000000:execution:cirrus-dev-publish-only:");
            Await.until(
                    "update-state reported",
                    Duration.ofSeconds(10),
                    () ->
                            engine.executions()
                                    .get(execution.arn())
                                    .filter(ExecutionRecord::reported)
                                    .orElse(null));
            List<String> types =
                    engine.executions().history(execution.arn()).stream()
                            .map(e -> e.path("type").asText())
                            .toList();
            assertThat(types)
                    .startsWith("ExecutionStarted", "TaskStateEntered", "LambdaFunctionScheduled")
                    .endsWith("ExecutionSucceeded");
            assertThat(engine.stores().topic("cirrus-dev-publish").published()).hasSize(1);
            assertThat(engine.stores().topic("cirrus-dev-workflow-event").published())
                    .extracting(m -> Json.parse(m.body()).path("event_type").asText())
                    .containsExactly("CLAIMED_PROCESSING", "STARTED_PROCESSING", "SUCCEEDED");
            assertThat(Optional.of(engine.queuedPayloads())).contains(0L);
        }
    }
}
