package cirrus.runtime.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import cirrus.runtime.Fixtures;
import cirrus.runtime.json.Json;
import cirrus.runtime.payload.PayloadTransport;
import cirrus.runtime.payload.SizeLimit;
import cirrus.runtime.port.BlobUrl;
import cirrus.runtime.testing.MemoryBlobStore;

/** Port of upstream {@code tests/builtins/tasks/test_pre_batch.py}. */
class PreBatchTaskTest {
    private final MemoryBlobStore blobs = new MemoryBlobStore();
    private final UUID uuid = UUID.fromString("11111111-2222-3333-4444-555555555555");
    private final PreBatchTask task =
            new PreBatchTask(
                    new PayloadTransport(blobs, "payloads", SizeLimit.DEFAULT), () -> uuid);

    @Test
    void anEmptyEventFailsWithTheCirrusMessage() {
        assertThatThrownBy(() -> task.handle(Json.parse("{}")))
                .isInstanceOfSatisfying(
                        TaskError.class, e -> assertThat(e.errorType()).isEqualTo("Exception"))
                .hasMessage(
                        "pre-batch: failed pre processing batch job for"
                                + " (process: ProcessPayload must have a `process` definition)");
    }

    @Test
    void thePayloadIsStoredForTheJobWithAnOutputUrlBesideIt() {
        ObjectNode out = task.handle(Fixtures.testPayload());
        String url =
                "s3://payloads/batch/sentinel-s2-l2a/workflow-cog-archive/S2B_17HQD_20201103_0_L2A/"
                        + uuid
                        + ".json";
        assertThat(out.get("url").asText()).isEqualTo(url);
        assertThat(out.get("url_out").asText()).isEqualTo(url.replace(".json", "_out.json"));
        assertThat(blobs.getJson(BlobUrl.parse(url)).path("id").asText())
                .isEqualTo("sentinel-s2-l2a/workflow-cog-archive/S2B_17HQD_20201103_0_L2A");
    }
}
