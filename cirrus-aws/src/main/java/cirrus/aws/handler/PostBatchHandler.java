package cirrus.aws.handler;

import java.util.function.Supplier;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;

import cirrus.runtime.builtin.PostBatchTask;

/**
 * The {@code post-batch} task Lambda: returns the Batch job's output payload, or fails with the
 * error type of the job's last log line ({@code CIRRUS_BATCH_LOG_GROUP}, default {@code
 * /aws/batch/job}). Needs {@code CIRRUS_PAYLOAD_BUCKET}.
 */
public final class PostBatchHandler extends JsonHandler {
    public PostBatchHandler() {
        this(Deployment::current);
    }

    public PostBatchHandler(Supplier<Deployment> deployment) {
        super(deployment);
    }

    @Override
    protected JsonNode handle(JsonNode event, Deployment deployment, Context context) {
        return new PostBatchTask(deployment.transport(), deployment.logs()).handle(event);
    }
}
