package cirrus.runtime.builtin;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import cirrus.runtime.event.EventRecords;
import cirrus.runtime.events.WorkflowEvents;
import cirrus.runtime.payload.InvalidPayloadException;
import cirrus.runtime.payload.PayloadId;
import cirrus.runtime.payload.PayloadTransport;
import cirrus.runtime.payload.ProcessPayload;
import cirrus.runtime.port.StateRecord;
import cirrus.runtime.port.StoreException;
import cirrus.runtime.port.WorkflowStarter;

/**
 * The {@code process} function: the entry point of every payload. Takes payloads out of an SQS, SNS
 * or direct event, skips those whose state says so, and starts one workflow execution per payload
 * through the claim protocol of {@link PayloadStarter}.
 *
 * <p>Eligibility (cirrus v0.15.4 + v1): a payload with no state, FAILED, ABORTED or (stuck) CLAIMED
 * is started; COMPLETED and INVALID only with {@code replace} (argument or {@code
 * process.replace}); PROCESSING never. A second payload with the same id in one batch is dropped
 * ({@code DUPLICATE_ID_ENCOUNTERED}).
 */
public final class ProcessFunction {
    private final WorkflowEvents events;
    private final PayloadTransport transport;
    private final PayloadStarter starter;

    public ProcessFunction(
            WorkflowEvents events, WorkflowStarter workflows, PayloadTransport transport) {
        this.events = Objects.requireNonNull(events, "events");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.starter = new PayloadStarter(events, workflows, transport);
    }

    /**
     * Processes every payload of an event (cirrus {@code process.lambda_handler}). Announcements
     * are flushed before returning.
     */
    public ProcessOutcome handle(JsonNode event) {
        List<JsonNode> failures = new ArrayList<>();
        List<ProcessPayload> payloads = new ArrayList<>();
        Map<PayloadId, List<JsonNode>> sqsRecords = new LinkedHashMap<>();
        List<JsonNode> settled = new ArrayList<>();
        List<PayloadId> invalid = new ArrayList<>();
        try {
            for (JsonNode record : EventRecords.normalize(event)) {
                Optional<ProcessPayload> payload;
                try {
                    payload = payloadOf(record);
                } catch (UnusableIdException e) {
                    // recorded INVALID: retrying cannot help, the message is settled
                    invalid.add(e.id);
                    settled.add(record);
                    continue;
                }
                if (payload.isEmpty()) {
                    failures.add(record);
                    continue;
                }
                payloads.add(payload.get());
                if ("aws:sqs".equals(record.path("eventSource").asText())) {
                    sqsRecords
                            .computeIfAbsent(payload.get().payloadId(), k -> new ArrayList<>())
                            .add(record);
                }
            }
            Batch batch = process(payloads, false);
            batch.failed.addAll(invalid);
            List<JsonNode> processed = new ArrayList<>(settled);
            for (Map.Entry<PayloadId, List<JsonNode>> e : sqsRecords.entrySet()) {
                if (batch.processed.contains(e.getKey())) {
                    processed.addAll(e.getValue());
                } else {
                    failures.addAll(e.getValue());
                }
            }
            for (ProcessPayload p : batch.retry) {
                if (!sqsRecords.containsKey(p.payloadId())) {
                    failures.add(p.toJson());
                }
            }
            return new ProcessOutcome(
                    batch.started, batch.skipped, batch.dropped, batch.failed, processed, failures);
        } finally {
            events.flush();
        }
    }

    private Optional<ProcessPayload> payloadOf(JsonNode record) {
        JsonNode document;
        try {
            document = transport.incoming(EventRecords.extract(record));
        } catch (StoreException | IllegalArgumentException e) {
            events.recordExtractFailed(uploadOrUrl(record), e.getMessage());
            return Optional.empty();
        }
        try {
            return Optional.of(ProcessPayload.of(document, true));
        } catch (InvalidPayloadException e) {
            if (e.unusableId().isPresent()) {
                PayloadId id = e.unusableId().get();
                events.invalid(
                        id, e.code().id() + " " + e.getMessage(), null, uploadOrUrl(document));
                throw new UnusableIdException(id);
            }
            JsonNode id = document.get("id");
            events.notAProcessPayload(
                    id != null && id.isTextual() ? id.textValue() : "unknown",
                    uploadOrUrl(document),
                    e.getMessage());
            return Optional.empty();
        }
    }

    /** cirrus {@code upload_to_s3}: the record's own url, else a copy in the payload bucket. */
    private String uploadOrUrl(JsonNode document) {
        JsonNode url = document.get("url");
        if (url != null && url.isTextual()) {
            return url.textValue();
        }
        try {
            return transport.upload(document).toString();
        } catch (StoreException e) {
            return "";
        }
    }

    /** A payload whose id has a state key but no home: recorded INVALID, never retried. */
    private static final class UnusableIdException extends RuntimeException {
        final transient PayloadId id;

        UnusableIdException(PayloadId id) {
            super(id.toString(), null, false, false);
            this.id = id;
        }
    }

    /** The result of processing a list of payloads. */
    static final class Batch {
        final List<PayloadId> started = new ArrayList<>();
        final List<PayloadId> skipped = new ArrayList<>();
        final List<PayloadId> dropped = new ArrayList<>();
        final List<PayloadId> failed = new ArrayList<>();
        final Set<PayloadId> processed = new HashSet<>();
        final List<ProcessPayload> retry = new ArrayList<>();
    }

    /**
     * Processes validated payloads (cirrus {@code ProcessPayloads.process}). Announcements are not
     * flushed.
     *
     * @param replace start COMPLETED and INVALID payloads again
     */
    public ProcessOutcome processPayloads(List<ProcessPayload> payloads, boolean replace) {
        Batch batch = process(payloads, replace);
        List<JsonNode> retry = batch.retry.stream().map(p -> (JsonNode) p.toJson()).toList();
        return new ProcessOutcome(
                batch.started, batch.skipped, batch.dropped, batch.failed, List.of(), retry);
    }

    /** One payload's outcome: whatever goes wrong with it never decides its siblings'. */
    private PayloadStarter.Result startOne(
            ProcessPayload payload, StateRecord current, boolean replace) {
        try {
            return starter.start(
                    payload, Optional.ofNullable(current), replace || payload.replace());
        } catch (RuntimeException e) {
            System.err.println(
                    "cirrus: process: "
                            + payload.id()
                            + ": "
                            + e.getMessage()
                            + " (the message is delivered again)");
            return PayloadStarter.Result.RETRY;
        }
    }

    private Batch process(List<ProcessPayload> payloads, boolean replace) {
        Batch batch = new Batch();
        Map<PayloadId, StateRecord> states =
                events.states().getAll(payloads.stream().map(ProcessPayload::payloadId).toList());
        Set<PayloadId> seen = new HashSet<>();
        for (ProcessPayload payload : payloads) {
            PayloadId id = payload.payloadId();
            if (!seen.add(id)) {
                events.duplicated(id, transport.inputUrl(id).toString());
                batch.dropped.add(id);
                continue;
            }
            PayloadStarter.Result result = startOne(payload, states.get(id), replace);
            switch (result) {
                case STARTED -> batch.started.add(id);
                case SKIPPED -> batch.skipped.add(id);
                case FAILED -> batch.failed.add(id);
                case RETRY -> batch.retry.add(payload);
            }
            if (result != PayloadStarter.Result.RETRY) {
                batch.processed.add(id);
            }
        }
        return batch;
    }
}
