package cirrus.runtime.payload;

import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cirrus.runtime.port.BlobStore;
import cirrus.runtime.port.BlobUrl;

/**
 * Passes payloads between functions: inline when small, else uploaded to the payload bucket and
 * replaced by {@code {"url": "s3://<bucket>/payloads/<uuid>.json"}} (cirrus {@code get_payload}),
 * and the reverse ({@code {"url"}} indirection).
 */
public final class PayloadTransport {
    private final BlobStore blobs;
    private final String payloadBucket;
    private final SizeLimit limit;
    private final Supplier<UUID> uuids;

    public PayloadTransport(
            BlobStore blobs, String payloadBucket, SizeLimit limit, Supplier<UUID> uuids) {
        this.blobs = Objects.requireNonNull(blobs, "blobs");
        this.payloadBucket = Objects.requireNonNull(payloadBucket, "payloadBucket");
        this.limit = Objects.requireNonNull(limit, "limit");
        this.uuids = Objects.requireNonNull(uuids, "uuids");
    }

    /** With random UUIDs. */
    public PayloadTransport(BlobStore blobs, String payloadBucket, SizeLimit limit) {
        this(blobs, payloadBucket, limit, UUID::randomUUID);
    }

    /** The blob store payloads are offloaded to. */
    public BlobStore blobs() {
        return blobs;
    }

    /** The payload bucket's name. */
    public String payloadBucket() {
        return payloadBucket;
    }

    /** The payload itself, or {@code {"url": …}} after uploading it when it is too large. */
    public JsonNode outgoing(JsonNode payload) {
        if (!limit.exceededBy(payload)) {
            return payload;
        }
        BlobUrl url = new BlobUrl(payloadBucket, "payloads/" + uuids.get() + ".json");
        blobs.putJson(url, payload);
        ObjectNode ref = JsonNodeFactory.instance.objectNode();
        ref.put("url", url.toString());
        return ref;
    }

    /** {@link #outgoing(JsonNode)} of a validated payload. */
    public JsonNode outgoing(ProcessPayload payload) {
        return outgoing(payload.toJson());
    }

    /**
     * The payload itself, or the document at its {@code url} when it is a reference.
     *
     * @throws cirrus.runtime.port.BlobNotFoundException when the URL points nowhere
     * @throws IllegalArgumentException when {@code url} is not an {@code s3://} URL
     */
    public JsonNode incoming(JsonNode payload) {
        JsonNode url = payload.get("url");
        if (url == null) {
            return payload;
        }
        return blobs.getJson(BlobUrl.parse(url.asText()));
    }

    /** Uploads {@code payload} to {@code s3://<bucket>/payloads/<uuid>.json}; returns the URL. */
    public BlobUrl upload(JsonNode payload) {
        BlobUrl url = new BlobUrl(payloadBucket, "payloads/" + uuids.get() + ".json");
        blobs.putJson(url, payload);
        return url;
    }

    /** {@code s3://<bucket>/<payload id>/input.json}, where process keeps a payload's input. */
    public BlobUrl inputUrl(PayloadId id) {
        return new BlobUrl(payloadBucket, id + "/input.json");
    }
}
