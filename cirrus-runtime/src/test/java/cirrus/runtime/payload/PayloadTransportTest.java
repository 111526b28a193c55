package cirrus.runtime.payload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cirrus.runtime.Fixtures;
import cirrus.runtime.port.BlobUrl;
import cirrus.runtime.testing.MemoryBlobStore;

/** Port of upstream {@code test_upload_large_payload} with both size rules. */
class PayloadTransportTest {
    private final MemoryBlobStore blobs = new MemoryBlobStore();
    private final UUID uuid = UUID.fromString("00000000-0000-0000-0000-000000000001");

    @Test
    void sizesAreMeasuredLikeCirrus() {
        // python3: len(json.dumps(p).encode()) == 10425; len(json.dumps(json.dumps(p))) == 11555
        assertThat(SizeLimit.V0.sizeOf(Fixtures.testPayload())).isEqualTo(10425);
        assertThat(SizeLimit.DEFAULT.sizeOf(Fixtures.testPayload())).isEqualTo(11555);
    }

    @Test
    void aSmallPayloadTravelsInline() {
        PayloadTransport transport =
                new PayloadTransport(blobs, "payloads", SizeLimit.DEFAULT, () -> uuid);
        ObjectNode payload = Fixtures.testPayload();
        assertThat(transport.outgoing(payload)).isSameAs(payload);
        assertThat(blobs.list(new BlobUrl("payloads", ""))).isEmpty();
    }

    @Test
    void aLargePayloadIsUploadedAndReplacedByItsUrl() {
        PayloadTransport transport =
                new PayloadTransport(
                        blobs,
                        "payloads",
                        new SizeLimit(SizeLimit.Measure.JSON_BYTES, 10424),
                        () -> uuid);
        ObjectNode payload = Fixtures.testPayload();
        JsonNode out = transport.outgoing(payload);
        assertThat(out.size()).isEqualTo(1);
        assertThat(out.get("url").asText())
                .isEqualTo("s3://payloads/payloads/00000000-0000-0000-0000-000000000001.json");
        assertThat(transport.incoming(out)).isEqualTo(payload);
    }

    @Test
    void theDefaultRuleCountsEscapes() {
        PayloadTransport transport =
                new PayloadTransport(
                        blobs,
                        "payloads",
                        new SizeLimit(SizeLimit.Measure.DOUBLE_ENCODED_JSON, 11554),
                        () -> uuid);
        assertThat(transport.outgoing(Fixtures.testPayload()).has("url")).isTrue();
    }
}
