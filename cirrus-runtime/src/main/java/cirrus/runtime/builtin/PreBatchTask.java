package cirrus.runtime.builtin;

import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cirrus.runtime.event.PayloadEvents;
import cirrus.runtime.payload.PayloadTransport;
import cirrus.runtime.payload.ProcessPayload;
import cirrus.runtime.port.BlobUrl;

/**
 * The {@code pre-batch} task: stores the payload where a Batch job can read it and returns {@code
 * {"url", "url_out"}} for the job's parameters: {@code url = s3://<payload bucket>/batch/<payload
 * id>/<uuid>.json}, {@code url_out} = {@code url} with every {@code .json} replaced by {@code
 * _out.json} (cirrus v0.15.4).
 */
public final class PreBatchTask {
    private final PayloadTransport transport;
    private final Supplier<UUID> uuids;

    public PreBatchTask(PayloadTransport transport, Supplier<UUID> uuids) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.uuids = Objects.requireNonNull(uuids, "uuids");
    }

    /**
     * Handles the task input (a payload, possibly wrapped or by URL).
     *
     * @throws TaskError {@code pre-batch: failed pre processing batch job for (<error>)}
     */
    public ObjectNode handle(JsonNode event) {
        try {
            ProcessPayload payload = PayloadEvents.fromEvent(event, transport, false);
            BlobUrl url =
                    new BlobUrl(
                            transport.payloadBucket(),
                            "batch/" + payload.id() + "/" + uuids.get() + ".json");
            transport.blobs().putJson(url, payload.toJson());
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            out.put("url", url.toString());
            out.put("url_out", url.toString().replace(".json", "_out.json"));
            return out;
        } catch (RuntimeException e) {
            throw new TaskError(
                    TaskError.GENERIC,
                    "pre-batch: failed pre processing batch job for (" + e.getMessage() + ")",
                    e);
        }
    }
}
