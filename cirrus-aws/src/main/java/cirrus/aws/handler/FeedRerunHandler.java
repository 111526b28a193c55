package cirrus.aws.handler;

import java.util.function.Supplier;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import cirrus.runtime.builtin.FeedRerunFeeder;

/**
 * The {@code feed-rerun} feeder Lambda: re-enqueues payloads found in the state store ({@code
 * {"found": n}}). {@code "batch": true} runs inline too: v0.15.4 submitted the function to itself
 * as the {@code geolambda-as-batch} job, whose image runs Python Lambda code and cannot run this
 * Java handler (see docs/compatibility.md). Needs {@code CIRRUS_STATE_DB}, {@code
 * CIRRUS_PROCESS_QUEUE_URL} and {@code CIRRUS_PAYLOAD_BUCKET}.
 */
public final class FeedRerunHandler extends JsonHandler {
    public FeedRerunHandler() {
        this(Deployment::current);
    }

    public FeedRerunHandler(Supplier<Deployment> deployment) {
        super(deployment);
    }

    @Override
    protected JsonNode handle(JsonNode event, Deployment deployment, Context context) {
        String payloadBucket = deployment.required("CIRRUS_PAYLOAD_BUCKET");
        return new FeedRerunFeeder(deployment.states(), deployment.processQueue(), payloadBucket)
                .handle(event.isObject() ? event : JsonNodeFactory.instance.objectNode());
    }
}
