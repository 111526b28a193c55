package cirrus.aws.handler;

import java.util.UUID;
import java.util.function.Supplier;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;

import cirrus.runtime.builtin.PreBatchTask;

/**
 * The {@code pre-batch} task Lambda: stores the payload for a Batch job and returns {@code {"url",
 * "url_out"}}. Needs {@code CIRRUS_PAYLOAD_BUCKET}.
 */
public final class PreBatchHandler extends JsonHandler {
    public PreBatchHandler() {
        this(Deployment::current);
    }

    public PreBatchHandler(Supplier<Deployment> deployment) {
        super(deployment);
    }

    @Override
    protected JsonNode handle(JsonNode event, Deployment deployment, Context context) {
        return new PreBatchTask(deployment.transport(), UUID::randomUUID).handle(event);
    }
}
