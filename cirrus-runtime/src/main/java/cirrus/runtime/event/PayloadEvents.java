package cirrus.runtime.event;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import cirrus.runtime.payload.PayloadTransport;
import cirrus.runtime.payload.ProcessPayload;

/**
 * The single payload of a task or function event (cirrus {@code ProcessPayload.from_event}):
 * extracted from its wrapper, fetched when it is a {@code {"url"}} reference, then validated.
 */
public final class PayloadEvents {
    private PayloadEvents() {}

    /**
     * The payload of {@code event}.
     *
     * @throws IllegalArgumentException when the event holds no payload or several
     * @throws cirrus.runtime.payload.InvalidPayloadException when the payload is invalid
     */
    public static ProcessPayload fromEvent(
            JsonNode event, PayloadTransport transport, boolean setIdIfMissing) {
        List<JsonNode> payloads = EventRecords.payloads(event);
        if (payloads.size() != 1) {
            throw new IllegalArgumentException(
                    "expected one payload in the event, found " + payloads.size());
        }
        return ProcessPayload.of(transport.incoming(payloads.get(0)), setIdIfMissing);
    }
}
