package cirrus.local.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import cirrus.local.model.LocalModel;
import cirrus.runtime.json.Json;
import cirrus.runtime.payload.PayloadId;
import cirrus.runtime.port.StateRecord;
import cirrus.runtime.port.WorkflowState;

/**
 * One message that can never be processed settles on its own: the payloads received with it run,
 * and it is recorded INVALID with an event instead of holding its batch in the queue.
 */
class PoisonPayloadTest {
    @TempDir Path project;

    @Test
    void aPoisonPayloadIsInvalidAndItsNineSiblingsComplete() throws Exception {
        LocalModel model = TestProjects.initOnly(project).model();
        try (LocalEngine engine = LocalEngine.start(model, EngineOptions.defaults())) {
            List<JsonNode> batch = new ArrayList<>();
            batch.add(TestProjects.payload("publish-only", ".."));
            for (int i = 1; i <= 9; i++) {
                batch.add(TestProjects.payload("publish-only", "item-" + i));
            }
            // sent as a producer that skipped validation would: straight to the process queue
            engine.submitAll(batch);

            PayloadId poison = PayloadId.parse("test-collection/workflow-publish-only/..");
            StateRecord invalid =
                    Await.until(
                            "the poison payload settled",
                            Duration.ofSeconds(30),
                            () -> engine.states().get(poison).orElse(null));
            assertThat(invalid.state()).isEqualTo(WorkflowState.INVALID);
            assertThat(invalid.lastError())
                    .hasValueSatisfying(
                            e -> assertThat(e).startsWith("CIRRUS-P004 id:").contains("'..'"));
            assertThat(invalid.executions()).isEmpty();
            for (int i = 1; i <= 9; i++) {
                PayloadId id = PayloadId.parse("test-collection/workflow-publish-only/item-" + i);
                StateRecord done =
                        Await.until(
                                "item-" + i + " finished",
                                Duration.ofSeconds(60),
                                () ->
                                        engine.states()
                                                .get(id)
                                                .filter(r -> r.state().isFinal())
                                                .orElse(null));
                assertThat(done.state()).as(id.toString()).isEqualTo(WorkflowState.COMPLETED);
            }
            Await.until(
                    "the process queue drained",
                    Duration.ofSeconds(10),
                    () -> engine.queuedPayloads() == 0 ? true : null);
            assertThat(engine.stores().topic("cirrus-dev-workflow-event").published())
                    .extracting(m -> Json.parse(m.body()))
                    .filteredOn(e -> e.path("event_type").asText().equals("INVALID"))
                    .extracting(e -> e.path("payload_id").asText())
                    .containsExactly(poison.toString());
        }
    }
}
