package cirrus.runtime.builtin;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cirrus.runtime.json.PythonJson;
import cirrus.runtime.payload.PayloadId;
import cirrus.runtime.port.Queue;
import cirrus.runtime.port.StatePage;
import cirrus.runtime.port.StateQuery;
import cirrus.runtime.port.StateRecord;
import cirrus.runtime.port.StateStore;
import cirrus.runtime.port.WorkflowState;
import cirrus.runtime.statedb.Since;

/**
 * The {@code feed-rerun} feeder: finds payloads in the state store ({@code collections}, {@code
 * workflow}, optional {@code state}, {@code since}, {@code limit}, {@code error_begins_with}) and
 * sends {@code {"url": "s3://<payload bucket>/<id>/input.json"}} for each to the process queue.
 * Returns {@code {"found": n}}.
 */
public final class FeedRerunFeeder {
    private static final int PAGE = 100;

    private final StateStore states;
    private final Queue processQueue;
    private final String payloadBucket;

    public FeedRerunFeeder(StateStore states, Queue processQueue, String payloadBucket) {
        this.states = Objects.requireNonNull(states, "states");
        this.processQueue = Objects.requireNonNull(processQueue, "processQueue");
        this.payloadBucket = Objects.requireNonNull(payloadBucket, "payloadBucket");
    }

    /**
     * Re-enqueues the matching payloads.
     *
     * @throws IllegalArgumentException for a bad {@code state}, {@code since} or {@code limit}
     */
    public ObjectNode handle(JsonNode event) {
        String cw =
                PythonJson.str(event.path("collections"))
                        + "_"
                        + PythonJson.str(event.path("workflow"));
        StateQuery query = StateQuery.of(cw);
        if (hasValue(event, "state")) {
            query = query.withState(WorkflowState.valueOf(event.get("state").asText()));
        }
        if (hasValue(event, "since")) {
            query = query.withSince(Since.parse(event.get("since").asText()));
        }
        if (hasValue(event, "error_begins_with")) {
            query = query.withErrorBeginsWith(event.get("error_begins_with").asText());
        }
        long limit = hasValue(event, "limit") ? event.get("limit").asLong() : Long.MAX_VALUE;
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        List<String> bodies = new ArrayList<>();
        Optional<PayloadId> next = Optional.empty();
        do {
            StatePage page = states.query(query, (int) Math.min(PAGE, limit - bodies.size()), next);
            for (StateRecord record : page.items()) {
                ObjectNode message = JsonNodeFactory.instance.objectNode();
                message.put("url", "s3://" + payloadBucket + "/" + record.id() + "/input.json");
                bodies.add(PythonJson.dumps(message));
            }
            next = page.nextKey();
        } while (next.isPresent() && bodies.size() < limit);
        if (!bodies.isEmpty()) {
            processQueue.sendBatch(bodies);
        }
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.put("found", bodies.size());
        return result;
    }

    private static boolean hasValue(JsonNode event, String field) {
        JsonNode value = event.get(field);
        return value != null && !value.isNull();
    }
}
